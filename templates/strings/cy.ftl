# Geiriau rhyngwyneb y thema yn Gymraeg. The theme's interface strings in Welsh.
# translation: needs-review. Written for this project, to be checked by a fluent speaker
# before a site relies on it; a site can replace it with templates/strings/cy.ftl.
#
# Welsh has six plural forms (zero, one, two, few, many, other): fluent-bundle chooses
# among them by CLDR's rules for `cy`.

## Gadael y dudalen, a'r hyn sy'n cael ei gyhoeddi i ddarllenwyr sgrin.
skip-to-main = Neidio i'r prif gynnwys
skip-to-exit = Gadael y dudalen hon yn gyflym
exit-emergency = Argyfwng
exit-this-page = Gadael y dudalen hon
exit-press-more = { $count ->
    [zero] Shift: rydych chi'n gadael y dudalen.
    [one] Shift, pwyswch unwaith eto i adael.
    [two] Shift, pwyswch ddwywaith eto i adael.
    [few] Shift, pwyswch { $count } gwaith eto i adael.
    [many] Shift, pwyswch { $count } gwaith eto i adael.
   *[other] Shift, pwyswch { $count } gwaith eto i adael.
}
exit-expired = Daeth yr amser i adael y dudalen hon i ben.
exit-loading = Yn llwytho.

## Pen pob tudalen.
nav-main = Prif ddewislen
emergency-help = Help mewn argyfwng
danger-call = Mewn perygl nawr? Ffoniwch { $tel_phone }.
danger-silent = Methu siarad? Arhoswch ar y llinell a phwyswch 55 ar ffôn symudol.
danger-relay = Relay UK: { $tel_relay }.
campaign-one = Ymgyrch
campaign-of = Ymgyrch { $n } o { $total }
campaign-more = Rhagor am yr ymgyrch
breadcrumb = Briwsion bara
home = Hafan
preview = Rhagolwg: nid yw'r dudalen hon wedi'i chyhoeddi eto
languages = Ieithoedd
in-english-link = (Saesneg)
in-english-note = Mae'r dudalen hon yn Saesneg.

## Troed pob tudalen.
site-information = Gwybodaeth am y wefan
footer-support = Gwasanaethau cymorth
footer-cover-tracks = Cuddio eich olion
footer-privacy = Preifatrwydd
footer-accessibility = Datganiad hygyrchedd
footer-feed = Ffrwd newyddion
feed-title = { $site }: newyddion

## Tudalennau, adrannau ac ymgyrchoedd.
published = Cyhoeddwyd { $date }
published-updated = Cyhoeddwyd { $date }, diweddarwyd { $updated }
jump-to-contacts = Neidio'n syth at rifau ffôn a gwefannau
on-this-page = Ar y dudalen hon
latest-news = Y newyddion diweddaraf
in-this-section = Yn yr adran hon
campaign-caption = Ymgyrch
the-figures = Y ffigurau
figures-source = Ffynhonnell: { $source }

## Llinellau cymorth.
get-help-now = Cael help nawr
all-support-services = Pob gwasanaeth cymorth
contact-details = Rhifau ffôn a gwefannau
contact-phone = Ffôn
contact-text = Neges destun
contact-text-register = Neges destun (cofrestrwch eich ffôn yn gyntaf: anfonwch y gair “register” at { $number })
contact-relay = Relay UK (cyfnewid testun)
contact-hours = Oriau agor
contact-website = Gwefan
contact-chat = Sgwrs ar-lein
contact-chat-with = Sgwrsio ar-lein â { $name }
contact-bsl = Iaith Arwyddion Prydain (BSL)
contact-bsl-call = Ffonio { $phone } yn BSL
contact-bsl-with = Defnyddio BSL gyda { $name }

## Y gwiriad.
selfcheck-progress = Cwestiwn { $n } o { $total }
selfcheck-result-ready = Mae eich canlyniad yn barod.
selfcheck-error-title = Gwall:{" "}
selfcheck-nojs-title = Mae angen JavaScript ar y gwiriad hwn
selfcheck-nojs-off = Dim ond pan fydd JavaScript ymlaen yn eich porwr y mae'r cwestiynau'n gweithio. Mae wedi'i ddiffodd, neu ni wnaeth lwytho.
selfcheck-nojs-private = Hyd yn oed gyda JavaScript ymlaen, nid yw eich atebion yn cael eu hanfon atom nac yn cael eu cadw. Mae'r gwiriad yn rhedeg ar eich dyfais chi yn unig.
selfcheck-nojs-read = Gallwch ddarllen amdano o hyd:
selfcheck-nojs-link = Beth sy'n cyfrif fel stelcio
selfcheck-nojs-other = Gallwch ddarllen tudalennau eraill y wefan hon o hyd.
selfcheck-nojs-talk = Neu siaradwch â rhywun nawr. Mae'r rhifau ffôn isod.
selfcheck-problem = Mae yna broblem
selfcheck-choose-one = Dewiswch ateb.
selfcheck-choose-many = Dewiswch o leiaf un ateb.
selfcheck-error = Gwall:
selfcheck-or = neu
selfcheck-continue = Yn eich blaen
selfcheck-back = Yn ôl
selfcheck-why = Pam y canlyniad hwn
selfcheck-wiped = Nid yw eich atebion yn cael eu cadw. Maen nhw'n cael eu dileu pan fyddwch chi'n pwyso “Dechrau eto” neu'n gadael y dudalen hon.
selfcheck-restart = Dechrau eto

## Heb ddod o hyd i'r dudalen.
not-found-title = Heb ddod o hyd i'r dudalen
not-found-text = Ni allwn ddod o hyd i'r dudalen y gofynnoch amdani. Efallai fod camgymeriad yn y cyfeiriad, neu fod y dudalen wedi symud.
not-found-help = Efallai y bydd y tudalennau hyn o help:
not-found-get-help = Cael help
not-found-support = Rhifau ffôn gwasanaethau cymorth
not-found-understanding = Beth yw stelcio
not-found-selfcheck = Y gwiriad dienw
not-found-home = Yr hafan
not-found-danger = Os ydych chi mewn perygl nawr, ffoniwch { $tel_phone }.

## Tudalen sydd wedi symud.
moved-title = Mae'r dudalen hon wedi symud
moved-text = Daeth y dudalen “{ $title }” i ben ar { $date }.
moved-go = Mynd i { $title }


## Y dudalen chwilio (yn Saesneg ar y safle hwn, gan fod y mynegai yn Saesneg).
search-link = Chwilio
search-title = Chwilio
search-description = Chwilio pob tudalen ar y wefan hon. Mae'r hyn rydych chi'n ei deipio yn aros ar eich dyfais.
search-heading = Chwilio'r wefan hon
search-count-none = Heb ddod o hyd i dudalennau. Rhowch gynnig ar eiriau eraill, neu dewch o hyd i'r dudalen yn y rhestr isod.
search-count-one = Wedi dod o hyd i 1 dudalen
search-count-many = Wedi dod o hyd i { $n } o dudalennau
search-count-more = Wedi dod o hyd i { $n } o dudalennau. Mae'r { $shown } cyntaf i'w gweld.
search-label = Chwilio am dudalen
search-hint = Mae'r hyn rydych chi'n ei deipio yn aros ar y ddyfais hon. Nid yw'n cael ei anfon atom, ei gadw, na'i ychwanegu at hanes eich porwr.
search-button = Chwilio
search-nojs = Mae angen JavaScript ar y chwilio, ac mae wedi'i ddiffodd yn eich porwr neu ni wnaeth lwytho. Mae pob tudalen o'r wefan wedi'i rhestru isod yn lle hynny.
search-a-to-z = Pob tudalen, A i Z
search-fallbacks = Mae tudalennau sydd heb eu cyfieithu i'r Gymraeg eto yn cael eu canfod yn Saesneg, ac wedi'u marcio felly.
search-a-to-z-fallbacks = Mae tudalennau sydd heb eu cyfieithu i'r Gymraeg eto wedi'u rhestru yn Saesneg, ac wedi'u marcio felly.

## Dyddiadau: 19 Ebrill 2027.
date-long = { $day } { $month } { $year }
month-1 = Ionawr
month-2 = Chwefror
month-3 = Mawrth
month-4 = Ebrill
month-5 = Mai
month-6 = Mehefin
month-7 = Gorffennaf
month-8 = Awst
month-9 = Medi
month-10 = Hydref
month-11 = Tachwedd
month-12 = Rhagfyr
