### guong: messages in English — import
### See locales/README.md.


## The plan and report `guong import` prints

import-rows = { $count ->
    [one] row
   *[other] rows
} { $list }
import-note-ignored-column = note: the column { $quoted } is not a profile key and was left out (name it with --map "{ $header }=…")
import-created = created: { $path } ({ $rows }): { $name }, { $detail }
import-would-create = would create: { $path } ({ $rows }): { $name }, { $detail }
import-updated = updated: { $path } ({ $rows }): added { $added }
import-would-update = would update: { $path } ({ $rows }): added { $added }
import-unchanged = unchanged: { $path } ({ $rows }): nothing new
import-award-count = { $count ->
    [one] 1 award
   *[other] { $count } awards
}
import-source-sheet = { $file } (sheet { $sheet })
import-summary = { $source }: { $count ->
    [one] 1 row
   *[other] { $count } rows
}; created { $created }, updated { $updated }, unchanged { $unchanged }, skipped { $skipped }.
import-summary-dry-run = { $source }: { $count ->
    [one] 1 row
   *[other] { $count } rows
}; would create { $created }, would update { $updated }, unchanged { $unchanged }, skipped { $skipped }.
import-skipped-heading = Skipped rows (nothing was imported from them):
import-conflicts-heading = Rows that disagree (imported, keeping the value named):
import-dry-run = Dry run: nothing was written.

## Why an import cannot start or finish

import-site-has-errors = the site has errors; fix them (guong check shows them) before importing, so the import knows every existing profile
import-bad-date = --date { $date } is not a date: write YEAR-MONTH-DAY, e.g. 2025-08-07
import-columns-unclear = { $file }: cannot tell which column is which
import-would-fail-check = the import would not pass guong check; nothing was written
import-unknown-field = --field { $field } is not a field of data/fields.yaml; the fields are: { $fields }
import-map-no-header = --map { $value }: a pair has no header before `=`
import-map-column = --map { $value }: `{ $column }` is not a column guong knows; the columns are { $all }
import-map-column-hint = --map { $value }: `{ $column }` is not a column guong knows; did you mean `{ $best }`? the columns are { $all }
import-map-no-column = --map { $value }: `{ $piece }` has no `=column`, e.g. "Tên đơn vị=organization"
import-no-header-row = no header row found in the first { $count } rows: one row must name the columns, with at least a name column (e.g. "Họ và tên") and one more ("Đơn vị", "Lĩnh vực", "Hình thức khen thưởng", "Năm"…); if your headers differ, say which is which with --map "Your header=name,Other header=award"
import-two-columns = two columns hold `{ $column }`: { $first } and { $second }; keep one with --map "{ $header }=ignore" (or map it to another key)
import-map-header = --map names the header { $header }, which the sheet does not have; its headers are: { $all }
import-map-header-hint = --map names the header { $header }, which the sheet does not have; did you mean { $best }? its headers are: { $all }
import-sheet-csv = --sheet is for workbooks (.xlsx, .xls, .ods); a CSV file has one sheet
import-cannot-read = cannot read { $path }
import-csv-not-utf8 = line { $line } is not UTF-8 text: save the sheet as "CSV UTF-8" (files in old Vietnamese encodings such as TCVN3 or VNI must be converted first), or import the .xlsx file itself
import-csv-row = row { $row }: { $error }
import-not-a-spreadsheet = cannot read { $path } as a spreadsheet ({ $error }): import a .xlsx, .xls, .ods or .csv file
import-no-sheet = { $path } has no sheet named { $sheet }; its sheets are: { $all }
import-no-sheets = { $path } has no sheets
import-bad-sheet = cannot read the sheet { $sheet } of { $path }: { $error }
import-one-line-awards = its `awards` are written on one line; write them as a list (one `- award:` per line) or add the award by hand

## Rows that are skipped or disagree

G0701 = cannot add an award to { $file }: { $why }
    .help = add the award to the file by hand
G0702 = adding the award would change what the file already says
    .help = add the award by hand
G0703 = { $file } repeats `awards`, so an award cannot be added to the profile `{ $slug }`
    .help = remove `awards` from the English file (it comes from the Vietnamese one) and import again
G0704 = { $given } for { $name }, but row { $row } gave { $kept }; the profile keeps { $kept }
    .help = make the rows of { $name } agree, or edit the profile after the import
G0705 = { $given } for { $name }, but { $file } says { $kept }; an import only adds awards to a profile that exists
    .help = if the row is right, change it in { $file }
G0706 = the row has no name
    .help = fill in the name, or delete the row
G0707 = { $name } has no letters to make a file name from
    .help = write the name in letters
G0708 = the row has no field (lĩnh vực), which every profile needs
    .help = fill in the "Lĩnh vực" column, or give one field for all rows with --field KEY
G0709 = the summary has { $count } characters, more than the { $max } that fit on cards
    .help = shorten it in the sheet, or leave it empty and write it in the profile
G0710 = { $value } is neither an individual nor a collective
    .help = write "cá nhân" or "tập thể"
G0711 = { $value } is not a year
    .help = write the four-digit year of the award, e.g. 2024
G0712 = the award has no year
    .help = fill in the "Năm" column with the year of the award
G0713 = { $value } is not { $table ->
        [field] a field
        [commune] a commune
       *[award] an award
    } of { $file }
    .help = write one of the names in { $file }, or add the missing entry there
import-did-you-mean = did you mean { $name } (`{ $key }`)? Correct the sheet, or add the missing entry to { $file }
