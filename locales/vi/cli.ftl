### guong: thông báo bằng tiếng Việt — cli
### Xem locales/README.md.

