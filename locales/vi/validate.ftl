### guong: thông báo bằng tiếng Việt — validate
### Xem locales/README.md.

