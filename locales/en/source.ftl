### guong: messages in English — source
### See locales/README.md.

