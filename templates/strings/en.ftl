# The theme's interface strings in English: every word its templates and scripts show.
# Each language has a file like this one (cy.ftl, ur.ftl), and a site can replace one
# with its own file of the same name in templates/strings/. A message a language's file
# lacks is shown in English, and the build warns at the template line that asks for it.
#
# Write a message as `name = text`. `{ $count -> ... }` chooses a plural form by the
# language's own rules: English has `one` and `other`; Welsh has `zero`, `one`, `two`,
# `few`, `many` and `other`. A `{ $tel_... }` variable is a phone number, made a link.

## The quick exit, and what it announces to screen readers (templates/base.html).
skip-to-main = Skip to main content
skip-to-exit = Exit this page quickly
exit-emergency = Emergency
exit-this-page = Exit this page
exit-press-more = { $count ->
    [one] Shift, press 1 more time to exit.
   *[other] Shift, press { $count } more times to exit.
}
exit-expired = Exit this page expired.
exit-loading = Loading.

## The top of every page.
nav-main = Main
emergency-help = Emergency help
danger-call = In danger now? Call { $tel_phone }.
danger-silent = Cannot speak? Stay on the line and press 55 on a mobile.
danger-relay = Text relay: { $tel_relay }.
campaign-one = Campaign
campaign-of = Campaign { $n } of { $total }
campaign-more = Find out more about the campaign
breadcrumb = Breadcrumb
home = Home
preview = Preview: this page is not published yet
languages = Languages
in-english-link = (in English)
in-english-note = This page is in English.

## The foot of every page.
site-information = Site information
footer-support = Support services
footer-cover-tracks = Cover your tracks
footer-privacy = Privacy
footer-accessibility = Accessibility statement
footer-feed = News feed
feed-title = { $site }: news

## Pages, sections and campaigns.
published = Published { $date }
published-updated = Published { $date }, updated { $updated }
jump-to-contacts = Go straight to phone numbers and websites
on-this-page = On this page
latest-news = Latest news
in-this-section = In this section
campaign-caption = Campaign
the-figures = The figures
figures-source = Source: { $source }

## Help lines (partials/help-now.html, partials/contact-card*.html).
get-help-now = Get help now
all-support-services = All support services
contact-details = Phone numbers and websites
contact-phone = Phone
contact-text = Text
contact-text-register = Text (register your phone first: text “register” to { $number })
contact-relay = Text relay (Relay UK)
contact-hours = Opening times
contact-website = Website
contact-chat = Web chat
contact-chat-with = Chat online with { $name }
contact-bsl = British Sign Language (BSL)
contact-bsl-call = Call { $phone } in BSL
contact-bsl-with = Use BSL with { $name }

## The self-check (templates/selfcheck.html and assets/selfcheck.js).
selfcheck-progress = Question { $n } of { $total }
selfcheck-result-ready = Your result is ready.
selfcheck-error-title = Error:{" "}
selfcheck-nojs-title = This check needs JavaScript
selfcheck-nojs-off = The questions only work when JavaScript is switched on in your browser. It is switched off, or it did not load.
selfcheck-nojs-private = Even with JavaScript on, nothing you answer is sent to us or saved. The check runs only on your device.
selfcheck-nojs-read = You can still read about it:
selfcheck-nojs-link = What counts as stalking
selfcheck-nojs-other = You can still read the other pages of this site.
selfcheck-nojs-talk = Or talk to someone now. The phone numbers are below.
selfcheck-problem = There is a problem
selfcheck-choose-one = Choose an answer.
selfcheck-choose-many = Choose at least one answer.
selfcheck-error = Error:
selfcheck-or = or
selfcheck-continue = Continue
selfcheck-back = Back
selfcheck-why = Why this result
selfcheck-wiped = Your answers are not saved. They are wiped when you press “Start again” or leave this page.
selfcheck-restart = Start again

## The page not found (templates/404.html).
not-found-title = Page not found
not-found-text = We cannot find the page you asked for. The address may have a mistake in it, or the page may have moved.
not-found-help = These pages may help:
not-found-get-help = Get help
not-found-support = Phone numbers for support services
not-found-understanding = What stalking is
not-found-selfcheck = The anonymous self-check
not-found-home = The home page
not-found-danger = If you are in danger now, call { $tel_phone }.

## The page left where an expired page was.
moved-title = This page has moved
moved-text = The page “{ $title }” ended on { $date }.
moved-go = Go to { $title }

## The search page (templates/search.html), one for each language. search-fallbacks and
## search-a-to-z-fallbacks show when the language's index holds pages in the default language.
search-link = Search
search-title = Search
search-description = Search every page of this site. What you type stays on your device.
search-heading = Search this site
search-count-none = No pages found. Try other words, or find the page in the list below.
search-count-one = 1 page found
search-count-many = { $n } pages found
search-count-more = { $n } pages found. The first { $shown } are shown.
search-label = Search for a page
search-hint = What you type stays on this device. It is not sent to us, saved, or added to your browser history.
search-button = Search
search-nojs = Search needs JavaScript, which is switched off in your browser or did not load. Every page of the site is listed below instead.
search-a-to-z = All pages, A to Z
search-fallbacks = Pages not yet in this language are found in English, and marked so.
search-a-to-z-fallbacks = Pages not yet in this language are listed in English, and marked so.

## Dates, as GOV.UK writes them: 19 April 2027.
date-long = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
