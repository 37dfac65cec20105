### guong: messages in English — render
### See locales/README.md.

