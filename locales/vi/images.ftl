### guong: thông báo bằng tiếng Việt — images
### Xem locales/README.md.

