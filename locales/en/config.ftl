### guong: messages in English — config
### See locales/README.md.

