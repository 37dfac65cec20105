### guong: messages in English — check
### See locales/README.md.

