### guong: messages in English — images
### See locales/README.md.

