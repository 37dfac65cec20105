### guong: messages in English — serve
### See locales/README.md.

G0806 = embeds: { $error }
    .help = check the embed card's template (embed.html) named above; `guong check` lists its mistakes with their lines

serve-cannot-listen-on = cannot listen on { $address }: { $error }
serve-port-taken = another `guong serve` may be running: stop it (Ctrl+C in its window), or choose another port with --port 8080
serve-cannot-listen = the preview cannot listen: { $error }
serve-started = Built { $profiles } profiles in { $seconds } s. Preview at { $address } (Ctrl+C to stop)
serve-listening-everywhere = note: listening on { $address }: other computers on the network can see the preview
serve-search-updated = search index updated ({ $count } files changed)
serve-cannot-watch = cannot watch { $folder }: { $error } (on Linux, raise fs.inotify.max_user_watches)
serve-keeps-last-good = The preview keeps showing the last good version until these are fixed.
serve-rebuilt = rebuilt in { $ms } ms: { $changed } of { $drawn } files changed{ $first ->
        [none] {""}
       *[other] {" "}({ $first }…)
    }{ $removed ->
        [0] {""}
       *[other] , { $removed } removed
    }
