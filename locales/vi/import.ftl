### guong: thông báo bằng tiếng Việt — import
### Xem locales/README.md.

