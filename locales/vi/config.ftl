### guong: thông báo bằng tiếng Việt — config
### Xem locales/README.md.

