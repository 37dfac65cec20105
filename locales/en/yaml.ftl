### guong: messages in English — yaml
### See locales/README.md.

G0101 = a tab character is used for indentation
    .help = YAML allows only spaces for indentation: replace the tab with spaces

G0102 = the brackets here nest more than { $max } levels deep
    .help = a list is written `[a, b]` or as `- ` lines: check for brackets that are never closed

G0103 = unknown key `{ $key }`
    .help = check the key's spelling; valid keys here: { $keys }

yaml-did-you-mean = did you mean `{ $suggestion }`?

G0104 = `{ $value }` is not one of the values allowed here
    .help = choose one of: { $allowed }

G0105 = { $value ->
        [none] this value
       *[other] `{ $value }`
    } is { $found ->
        [string] text
        [integer] a whole number
        [number] a number
        [boolean] `true`/`false`
        [list] a list
        [mapping] keys and values
        [empty] empty
       *[other] { $found }
    }, but { $expected ->
        [string] text
        [integer] a whole number (digits only)
        [number] a number
        [boolean] `true` or `false`
        [list] a list (`- ` lines, or `[a, b]`)
        [choice] one of the allowed values
        [mapping] keys and values
        [empty] nothing
       *[other] { $expected }
    } is expected here
    .help = correct the value's type; text containing `:` or `#` goes in quotes

G0106 = the front matter ends in the middle of a value
    .help = a quotation mark `"` or a bracket `[` opened above is never closed

G0107 = mapping values are not allowed in this context
    .help = check the indentation and that text containing `:` or `#` is in quotes

G0108 = the YAML cannot be read here: { $detail }
    .help = check the indentation and that text containing `:` or `#` is in quotes

G0109 = a key is written twice: { $detail }
    .help = each key may be written once: keep one line and delete the other

G0110 = the YAML cannot be read here: { $detail }
    .help = check the indentation, and quote text containing `:`, `#` or `@`, or starting with `*`, `&` or `!`

G0111 = missing required key `{ $key }`
    .help = add a line `{ $key }: …` to the front matter (between the two `---` lines)
