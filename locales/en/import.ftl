### guong: messages in English — import
### See locales/README.md.

