### guong: messages in English — source
### See locales/README.md.

G0301 = the file is empty
    .help = write the front matter between two `---` lines, or delete the file
source-empty-table-help = write the table, or delete the file (a missing data file is an empty table)
G0302 = the file starts with a byte-order mark (BOM)
    .help = save the file as "UTF-8" (without BOM) in your editor
G0303 = the file contains a NUL byte: it looks binary, not text
    .help = content files must be plain UTF-8 text
G0304 = the file is not valid UTF-8 text
    .help = save it as UTF-8; files from old Vietnamese encodings (TCVN3, VNI) must be converted first
source-windows-1258-help = it looks saved as Windows-1258 (CP1258): line { $line } reads “{ $reads }”; save the file as UTF-8 in your editor
G0305 = the file has Windows (CRLF) line endings
    .help = set your editor to save with LF line endings (in VS Code: the "CRLF" button in the status bar)
G0306 = looks like { $encoding } text; it reads: “{ $reads }”
    .help = run `guong fix-encoding { $file }` to convert it (try --dry-run first)
G0307 = this is a symbolic link; guong does not follow links
    .help = copy the file into the site instead of linking to it
G0308 = cannot read: { $error }
    .help = check that the file exists and that your account may read it
G0309 = this is not a regular file (a folder, a device or a named pipe)
    .help = replace it with a plain text file, or remove it
