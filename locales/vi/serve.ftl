### guong: thông báo bằng tiếng Việt — serve
### Xem locales/README.md.

