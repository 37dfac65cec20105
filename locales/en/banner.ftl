### guong: messages in English — banner (slogan banners for print)
### See locales/README.md.

G0620 = slogan { $number } is too long for a { $size } banner: its type would have to be smaller than { $min } cm to fit, too small to read from afar
    .help = slogans are verbatim, so do not shorten it yourself: use a larger size (above all a taller one) under `banner_sizes` in site.yaml, or remove this size
G0621 = { $cm } cm is outside the sizes allowed ({ $min } to { $max } cm)
    .help = give sizes in centimetres, for example `width_cm: 500` and `height_cm: 80`; for a banner longer than 508 cm choose a size of the same proportions and ask the print shop to scale it up
G0622 = slogan { $number } has characters the banner's font does not have: { $chars }
    .help = check whether they were mistyped or pasted from another document; Noto Sans has every Vietnamese letter
G0623 = cannot make the banner's PDF file: { $error }
    .help = this is a fault of guong: delete the .guong-cache folder and build again, and report it if it comes back
