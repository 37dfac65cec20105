### guong: messages in English — check
### See locales/README.md.


## Warnings about profiles

G0401 = the profile has no photo
    .help = put a portrait (.jpg, .png or .webp) in { $folder }/ and add `photo: <file name>` and `photo_alt: <what it shows>`
G0402 = to do: check the spelling { $readings } of `{ $key }` (“{ $value }”) against the original document
    .help = the pages say this spelling is being checked; once the original confirms it, correct `{ $key }` if needed and remove its entry from `unconfirmed`

## Links, anchors and images

G0403 = the image `{ $address }` does not exist{ $target ->
        [none] {""}
       *[other] {" "}(it leads to { $target })
    }{ $english ->
        [yes] {" "}on the English page, which shows this Vietnamese text until it is translated
       *[no] {""}
    }
    .help = a profile's story shows the photos of its own folder: put the file there and write its name; other pages can only show files the site publishes, such as /assets/…
G0404 = the link `{ $address }` leads to no page of the site{ $target ->
        [none] {""}
       *[other] {" "}(it leads to { $target })
    }{ $english ->
        [yes] {" "}on the English page, which shows this Vietnamese text until it is translated
       *[no] {""}
    }
    .help = check the address: copy it from the address bar of `guong serve`
G0405 = `{ $address }` is not a file of the site{ $target ->
        [none] {""}
       *[other] {" "}(it leads to { $target })
    }
    .help = check the address
G0406 = the link `{ $address }`: the page { $page } has no anchor `#{ $anchor }`{ $english ->
        [yes] {" "}on the English page, which shows this Vietnamese text until it is translated
       *[no] {""}
    }
    .help = headings get their anchor from their text: `## Thành tích` → `#thanh-tich` (or give one: `## Thành tích {"{"}#thanh-tich{"}"}`)
G0407 = the link `{ $address }` is outside the site, which is published at { $base_url }{ $english ->
        [yes] {" "}on the English page, which shows this Vietnamese text until it is translated
       *[no] {""}
    }
    .help = start the address with the site's path: `{ $base_path }{ $address }`
G0408 = { $count ->
        [one] 1 address drawn by the templates leads nowhere, most likely because of the errors above
       *[other] { $count } addresses drawn by the templates lead nowhere, most likely because of the errors above
    }
    .help = fix those errors and run `guong check` again to see whether any remain
check-did-you-mean-page = did you mean { $address }?
check-did-you-mean-anchor = did you mean `#{ $anchor }`?
check-written-by-template = this address is written by { $templates_count ->
        [0] guong itself
        [one] the template { $templates } (or a template it includes)
       *[other] the templates { $templates } (or a template they include)
    }, not by content{ $pages ->
        [one] {""}
       *[other] ; it is on { $pages } built pages: { $examples }
    }

## Translations

G0409 = this git clone is shallow: the translation report dates files by the commits it has, so it cannot tell which English texts are older than their Vietnamese
    .help = fetch the whole history (`git fetch --unshallow`, or `fetch-depth: 0` with actions/checkout) and check again
G0410 = no English text yet: the English site shows the Vietnamese text
    .help = write the translation in { $english }, beside { $vietnamese }
G0411 = the English text is older than the Vietnamese, which changed after it was translated
    .help = compare { $english } with { $vietnamese } and bring the translation up to date
check-translations-current = { $count ->
        [one] Translations: the 1 item has an English text at least as recent as the Vietnamese.
       *[other] Translations: all { $count } items have an English text at least as recent as the Vietnamese.
    }
check-translations-missing = Translations: { $count ->
        [one] 1 of { $total } items has no English text
       *[other] { $count } of { $total } items have no English text
    }
check-translations-outdated = Translations: { $count ->
        [one] 1 of { $total } items has an English text older than the Vietnamese
       *[other] { $count } of { $total } items have an English text older than the Vietnamese
    }
check-translations-both = Translations: { $missing ->
        [one] 1 of { $total } items has
       *[other] { $missing } of { $total } items have
    } no English text and { $outdated } an English text older than the Vietnamese
check-translations-help = { $missing ->
        [0] {""}
       *[other] write the missing English texts (each `….en.md` beside its `….vi.md`){ $outdated ->
            [0] {""}
           *[other] {" "}and{" "}
        }
    }{ $outdated ->
        [0] {""}
       *[other] bring the older English texts up to date with the Vietnamese
    }; `guong check --verbose` lists each, `--format csv` lists every item for a spreadsheet
check-status = status
    .ok = ok
    .missing = missing
    .outdated = outdated
check-kind = kind
    .profile = profile
    .congress = congress
    .movement = movement
    .page = page
check-column = columns
    .status = STATUS
    .kind = KIND
    .english = ENGLISH FILE
    .vietnamese-changed = VIETNAMESE CHANGED
    .english-changed = ENGLISH CHANGED

## The report

check-repeated-first = (the first: { $first })
check-verbose-lists-each = `guong check --verbose` lists each
check-summary-clean = Nothing blocks publishing: { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    } in { $profiles ->
        [one] 1 profile
       *[other] { $profiles } profiles
    }, { $congresses ->
        [one] 1 congress
       *[other] { $congresses } congresses
    }, { $movements ->
        [one] 1 movement
       *[other] { $movements } movements
    }, { $pages ->
        [one] 1 page
       *[other] { $pages } pages
    }.
check-summary-errors = Fix the errors above before publishing: { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    } in { $profiles ->
        [one] 1 profile
       *[other] { $profiles } profiles
    }, { $congresses ->
        [one] 1 congress
       *[other] { $congresses } congresses
    }, { $movements ->
        [one] 1 movement
       *[other] { $movements } movements
    }, { $pages ->
        [one] 1 page
       *[other] { $pages } pages
    }.
check-summary-not-loaded = { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }; the site could not be loaded.
