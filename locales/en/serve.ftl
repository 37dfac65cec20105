### guong: messages in English — serve
### See locales/README.md.

