### guong: messages in English — render
### See locales/README.md.

G0601 = { $error }
    .help = a site can override a template by putting a file of the same name in templates/
G0602 = embeds: { $error }
    .help = check the theme's embed.html template, or the site's copy of it in templates/
render-embed-card-of = embed card of { $slug }
