### guong: messages in English — images
### See locales/README.md.

G0501 = cannot read the file: { $error }
    .help = check that the photo is a complete JPEG, PNG or WebP file
G0502 = this file is not an image (JPEG, PNG or WebP expected)
    .help = export the photo as JPEG and write the new file's name in the content
G0503 = { $format } images are not supported; export the photo as JPEG
    .help = open the photo in an image program, export it as JPEG and write the new file's name in the content
G0504 = the image is damaged or unreadable ({ $error })
    .help = open the photo in an image program and save it again as JPEG, or take it again from the original
G0505 = the image is damaged or unreadable (the file is cut off: copy or download it again)
    .help = copy the photo again from the phone, camera or message it came from
G0506 = the image is { $size } pixels ({ $mega } megapixels), over the limit of { $max }; resize it before adding it
    .help = make the photo smaller (3000 pixels wide is plenty), or raise `max_megapixels` under `images:` in site.yaml
G0507 = cannot read the photo: no such file
    .help = put the photo in the profile's folder, or correct the file name written in the content
G0508 = cannot make the share card's photo: { $error }
    .help = this is a fault of guong: delete the .guong-cache folder and build again, and report it if it comes back
images-progress = photos
G0509 = the template is not UTF-8 text
    .help = save the template as UTF-8 in your editor
G0510 = the theme has no i18n/{ $lang }.yaml
    .help = add i18n/{ $lang }.yaml to the theme: the texts its templates show in that language
G0511 = the editor schemas are out of date ({ $files })
    .help = run `guong schema` and commit the result, so editors know the current keys
scaffold-no-letters = cannot make a file name from { $name }: give a name with letters
