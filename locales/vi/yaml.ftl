### guong: thông báo bằng tiếng Việt — yaml
### Xem locales/README.md.

