### guong: messages in English — content
### See locales/README.md.

G0120 = the file does not start with front matter
    .help = the first line must be `---`, followed by the YAML keys and another `---` line

G0121 = cannot read: the file is gone
    .help = save the file again and rerun the command

G0122 = the front matter is not closed
    .help = add a line with only `---` after the last front-matter key

G0123 = unknown language `{ $lang }` in the file name
    .help = use `.vi.md` or `.en.md`

G0124 = the file name has no language
    .help = name it `….vi.md` (Vietnamese) or `….en.md` (English)

G0125 = a profile's text must be named `index.vi.md` or `index.en.md`
    .help = rename the file `index.vi.md` (Vietnamese) or `index.en.md` (English)

G0126 = a profile is a folder
    .help = put it at `profiles/<slug>/index.vi.md`

G0127 = this is not a known content location
    .help = content files go in `profiles/<slug>/`, `congresses/`, `movements/` or `pages/`

G0128 = there is no content/ folder: the site has no profiles
    .help = create the first profile with `guong new profile "Full Name"`

G0129 = cannot read: { $detail }
    .help = check the permissions of this file or folder

G0130 = this is a symbolic link; guong does not follow links
    .help = copy the file into the site instead of linking to it

G0131 = this translation says { $en }, but { $vi_file } says { $vi }
    .help = `{ $key }` comes from the Vietnamese file only: remove it from the translation

G0132 = `{ $value }` is not a valid date
    .help = write the date as YEAR-MONTH-DAY, e.g. 2025-08-07 for 7/8/2025

G0133 = this translation has no Vietnamese original
    .help = create the `.vi.md` file beside it: the Vietnamese text is required, English is optional

G0134 = must not be empty
    .help = write the text of `{ $key }`, or remove the line if the key is optional

G0135 = congress number { $number } does not match the file name `{ $file }`
    .help = name the file `{ $file }`, or fix the number

G0136 = expected a number from 1 to 6, found { $number }
    .help = set `number` to the congress's number (1 to 6), as in the file name

G0137 = `{ $key }` is planned, but the congress has no `{ $key }`
    .help = write the planned `{ $key }`, or remove it from `planned`

G0138 = `delegates_approx: true` says "about", but `delegates_qualifier` says `{ $qualifier }`
    .help = remove `delegates_approx`: `delegates_qualifier` says how the source gives the count
