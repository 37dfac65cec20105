### guong: messages in English — data
### See locales/README.md.

