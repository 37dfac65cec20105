### guong: thông báo bằng tiếng Việt — source
### Xem locales/README.md.

