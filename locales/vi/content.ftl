### guong: thông báo bằng tiếng Việt — content
### Xem locales/README.md.

