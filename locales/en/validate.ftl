### guong: messages in English — validate
### See locales/README.md.

