### guong: messages in English — cli
### See locales/README.md.

