### guong: messages in English — data
### See locales/README.md.

G0324 = stopped checking keys after { $count ->
        [one] 1 mistake
       *[other] { $count } mistakes
    }
    .help = fix the keys above and check again
G0325 = `{ $key }` is not a valid key
    .help = keys are lowercase ASCII letters, digits and hyphens, e.g. `nong-thon-moi`
G0326 = the chart id must be lowercase letters, digits and hyphens
    .help = write the id like `khen-thuong-theo-nam`
G0327 = every bar needs `compare` exactly when the chart has `compare_series`
    .help = give every bar a `compare` value, or remove `compare_series` and every `compare`
