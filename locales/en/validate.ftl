### guong: messages in English — validate
### See locales/README.md.


## Rules across the site (src/validate.rs)

G0201 = the file name `{ $slug }` is not a valid slug
    .help = rename it to `{ $suggestion }.vi.md`
G0202 = { $year } is not a plausible year
    .help = write the year of the congress in `year`, with four digits, e.g. 2025
G0203 = the date { $date } is not in the year { $year }
    .help = the congress's `date` and `year` must be in the same year: correct the one that is wrong
G0204 = the page slug `{ $slug }` is already a section of the site
    .help = choose another file name
G0205 = `about_page` names the page `{ $about }`, but content/pages/ has no such page
    .help = write the page as content/pages/{ $about }.vi.md, or name an existing page
G0206 = slogan { $number } has no Vietnamese text
    .help = write the slogan's Vietnamese text in its `vi` key, or remove the slogan
validate-did-you-mean = did you mean `{ $suggestion }`?

## Profiles

G0207 = the folder name `{ $slug }` is not a valid slug
    .help = rename the folder to `{ $suggestion }`
G0208 = the slug `{ $slug }` is reserved for page numbers
    .help = rename the folder
G0209 = { $year } is not a plausible award year
    .help = write the four-digit year, e.g. 2024
G0210 = the tag `{ $tag }` is not a valid key
    .help = write it as `{ $suggestion }`
G0211 = `{ $url }` is not a web address
    .help = write the full address starting with https://
G0212 = the same name and organisation as the profile `{ $first }`
    .help = merge the two profiles (add the awards to one), or give the organisation to tell them apart
G0213 = { $count ->
    [one] stopped checking `{ $key }` after { $max } mistakes: 1 more item is not checked
   *[other] stopped checking `{ $key }` after { $max } mistakes: { $count } more items are not checked
}
    .help = fix the mistakes above and check again
G0214 = no `{ $field }` chosen yet
    .help = write one key of { $table }: { $keys }
G0215 = `{ $key }` is not a key of { $table }
    .help = valid keys: { $keys }
validate-no-keys-yet = { $table } defines no keys yet: add `{ $key }` there
G0216 = the summary has { $count } characters; at most { $max } fit on cards and in search results
    .help = shorten it; the full story belongs in the body below the front matter
G0217 = the summary is still the sample text of `guong new`
    .help = write one true sentence about this person or collective, from the sources
G0218 = the story is still the sample text of `guong new`
    .help = replace this line with the story, saying only what the sources say

## Photos

G0219 = a photo needs `photo_alt`, the text read out to people who cannot see it
    .help = describe the photo in one sentence, e.g. `photo_alt: "Chân dung ông Nguyễn Văn A tại nơi làm việc"`
G0220 = the image `{ $src }` is not a file of the profile
    .help = copy the image into the profile's folder and write its file name: pages make no requests to other sites
G0221 = `{ $file }` leaves the profile's folder
    .help = put the photo in the same folder as index.vi.md and write only its file name
G0222 = `{ $file }` is not a supported photo type
    .help = use a .jpg, .png or .webp file
G0223 = the photo `{ $file }` is a symbolic link; guong does not follow links
    .help = copy the photo into the profile's folder
G0224 = the photo `{ $file }` is not in { $folder }
    .help = copy the photo into the profile's folder
validate-photo-nfd = the file's name has the same letters written in decomposed Unicode (NFD, as macOS saves accents): rename it `{ $name }`

## Unconfirmed readings, the `unconfirmed` key (src/unconfirmed.rs)

G0251 = the profile has no `{ $field }`
    .help = name a field the profile sets: name, honorific, role or organization
G0252 = “{ $text }” is not part of `{ $field }` (“{ $value }”)
    .help = copy the uncertain letters or words exactly as they are written in that field
