### guong: messages in English — cli
### See locales/README.md.

## fix-encoding

G0801 = the file is not valid UTF-8 text
    .help = open it in a text editor and save it as UTF-8 (“Save as… → Encoding: UTF-8”), then run `guong fix-encoding` again
G0802 = cannot read the file: { $error }
    .help = check the file's name and folder

## Building

G0803 = search index: { $error }
    .help = the search index is written in .guong-cache/search: check that the disk has room and the folder can be written, then run again
G0804 = cannot write the site: { $error }
    .help = check that the output folder can be written and the disk has room
G0805 = NOT READY TO PUBLISH: base_url is the example address { $address }; every absolute link of this build (canonical, feeds, sitemap, oEmbed) points at it, and the profile pages offer no embed code
    .help = set base_url in site.yaml to the address the site will be published at, or build with --base-url https://…

## What the commands say

cli-errors-found = errors were found
cli-build-failed = { $count } error(s) found; nothing was written, the previous site is unchanged.
cli-search-none = No results for "{ $query }".
cli-search-results = { $count } result(s) for "{ $query }":
cli-not-a-site = { $folder } is not a site folder: it has no site.yaml
    .help = run guong in the site's folder, or name it with --root <folder>
cli-cannot-open-site = cannot open the site folder { $folder }: { $error }
cli-wrote-schemas = Wrote { $count } schemas into { $folder }
cli-would-convert = Would convert { $lines ->
        [one] 1 line
       *[other] { $lines } lines
    } in { $files ->
        [one] 1 file
       *[other] { $files } files
    }
cli-converted = Converted { $lines ->
        [one] 1 line
       *[other] { $lines } lines
    } in { $files ->
        [one] 1 file
       *[other] { $files } files
    }
cli-built = Built { $profiles } profiles, { $files } files into { $folder } in { $seconds } s
cli-photos = Photos: { $encoded } encoded, { $cached } unchanged (from the cache)
cli-created = Created { $file }
cli-new-profile-next = It is a draft: choose its `field`, write its summary and story, then preview it with
    {"  "}guong serve --drafts    →  http://127.0.0.1:1111{ $page }
    and set `draft: false` to publish it.
cli-schemas-updated = Updated the editor schemas in { $folder }
cli-schemas-not-updated = note: { $folder } not updated: { $error }
