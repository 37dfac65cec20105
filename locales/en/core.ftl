### guong: messages in English — core
### See locales/README.md.

label-error = error
label-warning = warning
label-help = help
build-failed = { $count ->
    [one] 1 error; nothing was written
   *[other] { $count } errors; nothing was written
}

repeated-no-photo = { $count ->
    [one] 1 profile has no photo
   *[other] { $count } profiles have no photo
}
    .help = a portrait can be added any time: put it in the profile's folder and name it in `photo:` with `photo_alt:`
repeated-reading-to-check = { $count ->
    [one] 1 reading of a name or title, marked as such on its page, is still to check against the original document
   *[other] { $count } readings of names or titles, marked as such on their pages, are still to check against the original document
}
    .help = once the original confirms a reading, correct it if needed and remove its `unconfirmed` entry

fs-cannot-read = cannot read { $path }
fs-cannot-write = cannot write { $path }
fs-cannot-create-folder = cannot create folder { $path }
fs-cannot-remove = cannot remove { $path }
output-outside = refusing to write outside the output folder: { $path }
output-cannot-move-aside = cannot move the previous { $path } aside
output-cannot-move-in = cannot move the new { $path } into place
search-cannot-create-index = cannot create the search index in { $path }
search-cannot-open-index = cannot open the search index in { $path }
