### guong: thông báo bằng tiếng Việt — check
### Xem locales/README.md.

