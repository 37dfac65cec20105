### guong: thông báo bằng tiếng Việt — render
### Xem locales/README.md.

