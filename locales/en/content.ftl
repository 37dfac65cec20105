### guong: messages in English — content
### See locales/README.md.

