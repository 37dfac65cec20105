### guong: messages in English — config
### See locales/README.md.

G0310 = cannot read site settings: there is no site.yaml here
    .help = run guong in the site's folder or pass --root (looked in { $root })
G0311 = `{ $url }` is not an absolute http(s) URL
    .help = write the full address, e.g. `https://guong.sonla.gov.vn`
G0312 = `{ $url }` has no host name
    .help = write the full address, e.g. `https://guong.sonla.gov.vn`
G0313 = unknown language `{ $lang }`
    .help = only `vi` and `en` can be given under `paths:`
G0314 = unknown URL section `{ $name }`
    .help = the sections are profiles, congresses, movements, slogans, statistics, fields, communes, awards, years, kinds, search and page
config-did-you-mean = did you mean `{ $suggestion }`?
G0315 = `{ $value }` is not a valid path name
    .help = use lowercase letters, digits and hyphens
G0316 = `{ $name }` and `{ $other }` would share the path `{ $value }`
    .help = give each section a path name of its own
G0317 = expected `[vi, en]`, found `{ $found }`
    .help = guong publishes Vietnamese at / and English under /en/
G0318 = the default language must be `vi`
    .help = write `default_language: vi`
G0319 = the theme must be a folder name under themes/
    .help = write `default`, or the name of a folder under themes/
G0320 = there is no folder themes/{ $theme }
    .help = use `default` or create the theme folder
G0321 = widths must be between 16 and 8192 pixels
    .help = list the widths in pixels, e.g. `[320, 640, 1024, 1600]`
G0322 = quality must be from 1 to 100
    .help = 80 suits most photos
G0323 = must be at least 1
    .help = give the number of profiles per listing page, e.g. 24
