# The theme's interface strings in Urdu (اردو), a right-to-left language.
# translation: needs-review. Written for this project, to be checked by a fluent speaker
# before a site relies on it; a site can replace it with templates/strings/ur.ftl.
# Key names such as Shift, and the English word "register" that emergencySMS expects,
# stay as they are written on the keyboard and in the service.

## صفحہ چھوڑنا
skip-to-main = مرکزی مواد پر جائیں
skip-to-exit = یہ صفحہ فوراً چھوڑیں
exit-emergency = ہنگامی
exit-this-page = یہ صفحہ چھوڑیں
exit-press-more = { $count ->
    [one] Shift: باہر نکلنے کے لیے ایک بار اور دبائیں۔
   *[other] Shift: باہر نکلنے کے لیے { $count } بار اور دبائیں۔
}
exit-expired = صفحہ چھوڑنے کا وقت ختم ہو گیا۔
exit-loading = لوڈ ہو رہا ہے۔

## ہر صفحے کا اوپر والا حصہ
nav-main = مرکزی فہرست
emergency-help = ہنگامی مدد
danger-call = ابھی خطرے میں ہیں؟ { $tel_phone } پر کال کریں۔
danger-silent = بول نہیں سکتے؟ موبائل فون پر لائن پر رہیں اور 55 دبائیں۔
danger-relay = ٹیکسٹ ریلے کے ذریعے: { $tel_relay }
campaign-one = مہم
campaign-of = مہم { $n } از { $total }
campaign-more = مہم کے بارے میں مزید جانیں
breadcrumb = صفحات کا راستہ
home = مرکزی صفحہ
preview = پیش منظر: یہ صفحہ ابھی شائع نہیں ہوا
languages = زبانیں
in-english-link = (انگریزی میں)
in-english-note = یہ صفحہ انگریزی میں ہے۔

## ہر صفحے کا نیچے والا حصہ
site-information = ویب سائٹ کے بارے میں معلومات
footer-support = مدد کی خدمات
footer-cover-tracks = اپنے نشانات چھپائیں
footer-privacy = رازداری
footer-accessibility = رسائی کا بیان
footer-feed = خبروں کی فیڈ
feed-title = { $site }: خبریں

## صفحات اور حصے
published = شائع ہوا: { $date }
published-updated = شائع ہوا: { $date }، تازہ کاری: { $updated }
jump-to-contacts = سیدھے فون نمبروں اور ویب سائٹس پر جائیں
on-this-page = اس صفحے پر
latest-news = تازہ ترین خبریں
in-this-section = اس حصے میں
campaign-caption = مہم
the-figures = اعداد و شمار
figures-source = ماخذ: { $source }

## مدد کی لائنیں
get-help-now = ابھی مدد حاصل کریں
all-support-services = تمام مدد کی خدمات
contact-details = فون نمبر اور ویب سائٹس
contact-phone = فون
contact-text = ٹیکسٹ پیغام
contact-text-register = ٹیکسٹ پیغام (پہلے اپنا فون رجسٹر کریں: { $number } پر لفظ “register” بھیجیں)
contact-relay = Relay UK (ٹیکسٹ ریلے)
contact-hours = اوقات
contact-website = ویب سائٹ
contact-chat = آن لائن چیٹ
contact-chat-with = { $name } سے آن لائن چیٹ کریں
contact-bsl = برٹش سائن لینگویج (BSL)
contact-bsl-call = BSL میں { $phone } پر کال کریں
contact-bsl-with = { $name } کے ساتھ BSL استعمال کریں

## جانچ
selfcheck-progress = سوال { $n } از { $total }
selfcheck-result-ready = آپ کا نتیجہ تیار ہے۔
selfcheck-error-title = خرابی:{" "}
selfcheck-nojs-title = اس جانچ کے لیے JavaScript ضروری ہے
selfcheck-nojs-off = سوالات صرف اس وقت کام کرتے ہیں جب آپ کے براؤزر میں JavaScript چالو ہو۔ یہ بند ہے، یا لوڈ نہیں ہوا۔
selfcheck-nojs-private = JavaScript چالو ہونے پر بھی آپ کے جوابات ہمیں نہیں بھیجے جاتے اور محفوظ نہیں کیے جاتے۔ یہ جانچ صرف آپ کے آلے پر چلتی ہے۔
selfcheck-nojs-read = آپ پھر بھی اس کے بارے میں پڑھ سکتے ہیں:
selfcheck-nojs-link = کس رویّے کو اسٹاکنگ سمجھا جاتا ہے
selfcheck-nojs-other = آپ پھر بھی اس ویب سائٹ کے دوسرے صفحات پڑھ سکتے ہیں۔
selfcheck-nojs-talk = یا ابھی کسی سے بات کریں۔ فون نمبر نیچے دیے گئے ہیں۔
selfcheck-problem = ایک مسئلہ ہے
selfcheck-choose-one = ایک جواب منتخب کریں۔
selfcheck-choose-many = کم از کم ایک جواب منتخب کریں۔
selfcheck-error = خرابی:
selfcheck-or = یا
selfcheck-continue = جاری رکھیں
selfcheck-back = واپس
selfcheck-why = یہ نتیجہ کیوں
selfcheck-wiped = آپ کے جوابات محفوظ نہیں کیے جاتے۔ جب آپ “دوبارہ شروع کریں” دبائیں یا یہ صفحہ چھوڑیں تو وہ مٹا دیے جاتے ہیں۔
selfcheck-restart = دوبارہ شروع کریں

## صفحہ نہیں ملا
not-found-title = صفحہ نہیں ملا
not-found-text = آپ نے جو صفحہ مانگا وہ ہمیں نہیں مل سکا۔ ہو سکتا ہے پتے میں غلطی ہو، یا صفحہ منتقل ہو گیا ہو۔
not-found-help = یہ صفحات مدد کر سکتے ہیں:
not-found-get-help = مدد حاصل کریں
not-found-support = مدد کی خدمات کے فون نمبر
not-found-understanding = اسٹاکنگ کیا ہے
not-found-selfcheck = گمنام جانچ
not-found-home = مرکزی صفحہ
not-found-danger = اگر آپ ابھی خطرے میں ہیں تو { $tel_phone } پر کال کریں۔

## منتقل شدہ صفحہ
moved-title = یہ صفحہ منتقل ہو گیا ہے
moved-text = صفحہ “{ $title }” { $date } کو ختم ہو گیا۔
moved-go = { $title } پر جائیں


## تلاش کا صفحہ
search-link = تلاش
search-title = تلاش
search-description = اس ویب سائٹ کے ہر صفحے میں تلاش کریں۔ آپ جو لکھتے ہیں وہ آپ کے آلے پر ہی رہتا ہے۔
search-heading = اس ویب سائٹ میں تلاش کریں
search-count-none = کوئی صفحہ نہیں ملا۔ دوسرے الفاظ آزمائیں، یا نیچے دی گئی فہرست میں صفحہ تلاش کریں۔
search-count-one = 1 صفحہ ملا
search-count-many = { $n } صفحات ملے
search-count-more = { $n } صفحات ملے۔ پہلے { $shown } دکھائے گئے ہیں۔
search-label = کوئی صفحہ تلاش کریں
search-hint = آپ جو لکھتے ہیں وہ اسی آلے پر رہتا ہے۔ یہ ہمیں نہیں بھیجا جاتا، محفوظ نہیں ہوتا، اور آپ کے براؤزر کی ہسٹری میں شامل نہیں ہوتا۔
search-button = تلاش کریں
search-nojs = تلاش کے لیے JavaScript ضروری ہے، جو آپ کے براؤزر میں بند ہے یا لوڈ نہیں ہوا۔ اس کے بجائے ویب سائٹ کے تمام صفحات نیچے دیے گئے ہیں۔
search-a-to-z = تمام صفحات، حروفِ تہجی کے لحاظ سے
search-fallbacks = جو صفحات ابھی اردو میں نہیں ہیں وہ انگریزی میں ملتے ہیں، اور ان پر یہ لکھا ہوتا ہے۔
search-a-to-z-fallbacks = جو صفحات ابھی اردو میں نہیں ہیں وہ انگریزی میں درج ہیں، اور ان پر یہ لکھا ہوتا ہے۔

## تاریخیں
date-long = { $day } { $month } { $year }
month-1 = جنوری
month-2 = فروری
month-3 = مارچ
month-4 = اپریل
month-5 = مئی
month-6 = جون
month-7 = جولائی
month-8 = اگست
month-9 = ستمبر
month-10 = اکتوبر
month-11 = نومبر
month-12 = دسمبر
