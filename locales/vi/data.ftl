### guong: thông báo bằng tiếng Việt — data
### Xem locales/README.md.

