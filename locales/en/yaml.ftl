### guong: messages in English — yaml
### See locales/README.md.

