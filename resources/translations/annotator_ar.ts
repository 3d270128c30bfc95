<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AgreementCharts</name>
    <message>
        <source>Exact-span F1 by label</source>
        <translation>مقياس F1 للمقاطع المتطابقة تمامًا حسب الوسم</translation>
    </message>
    <message>
        <source>Labels on the same span (rows: first annotator)</source>
        <translation>الوسوم على المقطع نفسه (الصفوف: المُوسِّم الأول)</translation>
    </message>
    <message>
        <source>Measuring agreement…</source>
        <translation>جارٍ قياس الاتفاق…</translation>
    </message>
    <message>
        <source>Agreement could not be measured: {0}</source>
        <translation>تعذّر قياس الاتفاق: {0}</translation>
    </message>
    <message>
        <source>Agreement needs two annotators with a document in common.</source>
        <translation>يحتاج حساب الاتفاق إلى مُوسِّمَين بينهما مستند مشترك.</translation>
    </message>
    <message>
        <source>{0} documents · exact F1 {1} · overlap F1 {2} · token kappa {3}</source>
        <translation>المستندات: {0} · F1 المتطابق {1} · F1 المتداخل {2} · كابا الوحدات {3}</translation>
    </message>
    <message>
        <source> · alpha (all annotators) {0}</source>
        <translation> · ألفا (كل المُوسِّمين) {0}</translation>
    </message>
</context>
<context>
    <name>AnnotationEditor</name>
    <message>
        <source>Select some text first, then press a label key.</source>
        <translation>حدّد نصًا أولًا، ثم اضغط مفتاح وسم.</translation>
    </message>
    <message>
        <source>That text is already labelled {0}.</source>
        <translation>هذا النص موسوم بالفعل بـ {0}.</translation>
    </message>
    <message>
        <source>Relabelled {0}, and the {1} mentions proposed from it with it.</source>
        <translation>أعيد الوسم بـ {0}، ومعه {1} من الذكر المقترح منه.</translation>
    </message>
    <message>
        <source>Select a span whose name was labelled with its other mentions; Alt + a label key relabels them all.</source>
        <translation>اختر مقطعًا وُسم اسمه مع ذكره الآخر؛ فيعيد Alt مع مفتاح وسم وسمَها كلها.</translation>
    </message>
    <message>
        <source>Every mention is labelled {0} already.</source>
        <translation>كل ذكر موسوم بـ {0} من قبل.</translation>
    </message>
    <message>
        <source>The selection holds no text to label.</source>
        <translation>لا يحوي التحديد نصًا يمكن وسمه.</translation>
    </message>
    <message>
        <source>{0} added beside {1} on the same words; to change the label instead, click the span, then press the key (Ctrl+Z takes this back).</source>
        <translation>أُضيف {0} بجانب {1} على الكلمات نفسها؛ لتغيير التسمية بدلًا من ذلك انقر المقطع ثم اضغط المفتاح (Ctrl+Z يتراجع عن هذا).</translation>
    </message>
    <message>
        <source>Click a span first to delete it.</source>
        <translation>انقر على مقطع أولًا لحذفه.</translation>
    </message>
    <message>
        <source>{0} deleted, and the {1} mentions proposed from it (Ctrl+Z brings them back).</source>
        <translation>حُذف {0}، ومعه {1} من الذكر المقترح منه (Ctrl+Z يعيدها).</translation>
    </message>
    <message>
        <source>Nothing changed: the project is read-only ({0}).</source>
        <translation>لم يتغير شيء: المشروع للقراءة فقط ({0}).</translation>
    </message>
    <message>
        <source>Undone: {0}</source>
        <translation>تم التراجع عن: {0}</translation>
    </message>
    <message>
        <source>Redone: {0}</source>
        <translation>أعيد: {0}</translation>
    </message>
</context>
<context>
    <name>AnnotatorName</name>
    <message>
        <source>Welcome</source>
        <translation>أهلًا بك</translation>
    </message>
    <message>
        <source>Annotating as {0}; change the name in Project ▸ Annotator Name…</source>
        <translation>تُوسِّم باسم {0}؛ غيِّر الاسم من مشروع ◂ اسم المُوسِّم…</translation>
    </message>
    <message>
        <source>Your name as annotator:</source>
        <translation>اسمك بصفتك مُوسِّمًا:</translation>
    </message>
    <message>
        <source>“{0}” names the reviewer&apos;s gold layer; choose another name.</source>
        <translation>«{0}» اسم الطبقة الذهبية للمراجِع؛ اختر اسمًا آخر.</translation>
    </message>
    <message>
        <source>A name cannot be empty.</source>
        <translation>لا يمكن أن يكون الاسم فارغًا.</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Assign Documents</source>
        <translation>توزيع المستندات</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;استعراض…</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>بلا حد</translation>
    </message>
    <message>
        <source>&amp;Annotators:</source>
        <translation>ال&amp;مُوسِّمون:</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>ال&amp;مجلد:</translation>
    </message>
    <message>
        <source>&amp;Overlap:</source>
        <translation>الت&amp;داخل:</translation>
    </message>
    <message>
        <source>&amp;Per annotator:</source>
        <translation>&amp;لكل مُوسِّم:</translation>
    </message>
    <message>
        <source>&amp;Seed:</source>
        <translation>&amp;البذرة:</translation>
    </message>
    <message>
        <source>Write Files</source>
        <translation>كتابة الملفات</translation>
    </message>
    <message>
        <source>Name the annotators, separated by spaces.</source>
        <translation>اكتب أسماء المُوسِّمين مفصولة بمسافات.</translation>
    </message>
    <message>
        <source>Choose the folder the annotators&apos; files go to.</source>
        <translation>اختر المجلد الذي تُكتب فيه ملفات المُوسِّمين.</translation>
    </message>
    <message>
        <source>Folder for the annotators&apos; files</source>
        <translation>مجلد ملفات المُوسِّمين</translation>
    </message>
    <message>
        <source>Nothing was written: {0}</source>
        <translation>لم يُكتب شيء: {0}</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Backups of {0}</source>
        <translation>النسخ الاحتياطية لـ {0}</translation>
    </message>
    <message>
        <source>A copy is made each time the project is opened; the last few are kept. Restoring one backs up the project as it is now first.</source>
        <translation>تُنشأ نسخة في كل مرة يُفتح فيها المشروع، وتُحفظ آخر النسخ. الاستعادة تنسخ المشروع بحالته الحالية احتياطيًا أولًا.</translation>
    </message>
    <message>
        <source>No backups yet.</source>
        <translation>لا توجد نسخ احتياطية بعد.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>ا&amp;ستعادة</translation>
    </message>
</context>
<context>
    <name>Collect</name>
    <message>
        <source>1 new document</source>
        <translation>مستند جديد واحد</translation>
    </message>
    <message>
        <source>{0} new documents</source>
        <translation>مستندات جديدة: {0}</translation>
    </message>
    <message>
        <source>{0}: +{1} -{2} spans, {3} statuses changed</source>
        <translation>{0}: ‎+{1} ‎-{2} من المقاطع، وتغيّرت {3} من الحالات</translation>
    </message>
    <message>
        <source>Edited without being assigned (accepted):</source>
        <translation>عُدِّل دون أن يُوزَّع (مقبول):</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>لم يتغير شيء.</translation>
    </message>
    <message>
        <source>Collect Annotators&apos; Files</source>
        <translation>جمع ملفات المُوسِّمين</translation>
    </message>
    <message>
        <source>Project files (*.db);;All files (*)</source>
        <translation>ملفات المشاريع (*.db);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Collect</source>
        <translation>الجمع</translation>
    </message>
    <message>
        <source>Nothing was collected: {0}</source>
        <translation>لم يُجمع شيء: {0}</translation>
    </message>
</context>
<context>
    <name>DocumentList</name>
    <message>
        <source>to do</source>
        <translation>لم يبدأ</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <source>done</source>
        <translation>منجز</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Lang</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <source>Any spans</source>
        <translation>بمقاطع أو بدونها</translation>
    </message>
    <message>
        <source>With spans</source>
        <translation>بمقاطع</translation>
    </message>
    <message>
        <source>Without spans</source>
        <translation>بلا مقاطع</translation>
    </message>
    <message>
        <source>Show the documents of one status</source>
        <translation>اعرض مستندات حالة واحدة</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>كل المستندات</translation>
    </message>
    <message>
        <source>Show the documents of one language</source>
        <translation>اعرض مستندات لغة واحدة</translation>
    </message>
    <message>
        <source>All languages</source>
        <translation>كل اللغات</translation>
    </message>
    <message>
        <source>Show the documents with spans, or without</source>
        <translation>اعرض المستندات التي فيها مقاطع، أو التي ليس فيها</translation>
    </message>
    <message>
        <source>Click a column to sort by it; click again to reverse, a third time for the import order</source>
        <translation>انقر عمودًا للترتيب حسبه؛ انقر مرة أخرى لعكس الترتيب، ومرة ثالثة للعودة إلى ترتيب الاستيراد</translation>
    </message>
    <message>
        <source>&amp;Import Order</source>
        <translation>ترتيب الاست&amp;يراد</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>الا&amp;سم</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>ال&amp;لغة</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>ال&amp;حالة</translation>
    </message>
    <message>
        <source>Span &amp;Count</source>
        <translation>&amp;عدد المقاطع</translation>
    </message>
    <message>
        <source>&amp;Descending</source>
        <translation>&amp;تنازلي</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export training data</source>
        <translation>تصدير بيانات التدريب</translation>
    </message>
    <message>
        <source>{0}, a folder</source>
        <translation>{0}، مجلد</translation>
    </message>
    <message>
        <source>Gold (adjudicated)</source>
        <translation>المرجعي (بعد التحكيم)</translation>
    </message>
    <message>
        <source>Nobody yet (the texts, no spans)</source>
        <translation>لا أحد بعد (النصوص بلا مقاطع)</translation>
    </message>
    <message>
        <source>Only documents marked &amp;done</source>
        <translation>المستندات المعلَّمة &amp;منجزة فقط</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;استعراض…</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>الت&amp;نسيق:</translation>
    </message>
    <message>
        <source>&amp;Spans of:</source>
        <translation>م&amp;قاطع:</translation>
    </message>
    <message>
        <source>&amp;Output:</source>
        <translation>ال&amp;وجهة:</translation>
    </message>
    <message>
        <source>The report appears here: every span adjusted or left out.</source>
        <translation>يظهر التقرير هنا: كل مقطع عُدِّل أو استُبعد.</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;تصدير</translation>
    </message>
    <message>
        <source>Export into folder</source>
        <translation>التصدير إلى مجلد</translation>
    </message>
    <message>
        <source>Export to file</source>
        <translation>التصدير إلى ملف</translation>
    </message>
    <message>
        <source>Choose where to write the export.</source>
        <translation>اختر مكان كتابة التصدير.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>جارٍ التصدير…</translation>
    </message>
    <message>
        <source>Written: {0}</source>
        <translation>كُتب: {0}</translation>
    </message>
    <message>
        <source>Not exported: {0}</source>
        <translation>لم يُصدَّر: {0}</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>أُلغي: لم يُكتب شيء.</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find (ignores harakat, tatweel and hamza forms)</source>
        <translation>بحث (يتجاهل الحركات والتطويل وأشكال الهمزة)</translation>
    </message>
    <message>
        <source>{0} found</source>
        <translation>عُثر على {0}</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} من {1}</translation>
    </message>
</context>
<context>
    <name>FormatOptions</name>
    <message>
        <source>brat standoff (.ann with .txt)</source>
        <translation>brat المنفصل (‎.ann مع ‎.txt)</translation>
    </message>
    <message>
        <source>CoNLL (token per line)</source>
        <translation>CoNLL (وحدة في كل سطر)</translation>
    </message>
    <message>
        <source>Hugging Face (JSON lines per sentence)</source>
        <translation>Hugging Face (سطر JSON لكل جملة)</translation>
    </message>
    <message>
        <source>JSONL (the tool&apos;s own)</source>
        <translation>JSONL (تنسيق الأداة نفسها)</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>نص عادي</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>ال&amp;وسوم:</translation>
    </message>
    <message>
        <source>the tag scheme</source>
        <translation>مخطط الوسوم</translation>
    </message>
    <message>
        <source>&amp;Clitics:</source>
        <translation>ال&amp;لواحق:</translation>
    </message>
    <message>
        <source>a span starting after an Arabic proclitic (و ف ب ل ك): split it off as its own token, or expand the span to the whole word</source>
        <translation>مقطع يبدأ بعد سابقة عربية (و ف ب ل ك): تُفصل السابقة وحدةً مستقلة، أو يُمدّ المقطع إلى الكلمة كلها</translation>
    </message>
    <message>
        <source>Split off (و / الصين)</source>
        <translation>فصل السابقة (و / الصين)</translation>
    </message>
    <message>
        <source>Whole word takes the label (والصين)</source>
        <translation>الكلمة كلها تأخذ الوسم (والصين)</translation>
    </message>
    <message>
        <source>&amp;Nesting:</source>
        <translation>الت&amp;داخل:</translation>
    </message>
    <message>
        <source>overlapping spans: keep the longest on each token, the others reported (one tag column), or write every span, one tag column per nesting level, outer first (the Wojood convention; read back by this tool&apos;s CoNLL import)</source>
        <translation>المقاطع المتداخلة: إبقاء الأطول على كل وحدة مع الإبلاغ عن البقية (عمود وسوم واحد)، أو كتابة كل المقاطع، عمود وسوم لكل مستوى تداخل، الخارجي أولًا (اصطلاح Wojood؛ يقرؤه استيراد CoNLL في هذه الأداة)</translation>
    </message>
    <message>
        <source>One tag column (longest span per token)</source>
        <translation>عمود وسوم واحد (أطول مقطع لكل وحدة)</translation>
    </message>
    <message>
        <source>A tag column per nesting level</source>
        <translation>عمود وسوم لكل مستوى تداخل</translation>
    </message>
    <message>
        <source>CoNLL &amp;columns:</source>
        <translation>&amp;أعمدة CoNLL:</translation>
    </message>
    <message>
        <source>which columns (from 1) of a token-per-line file hold the token and the tags, e.g. token=2,tag=3; tag=3-5 or tag=3- (to the end of the line) read nesting levels, outer first (default: detected; a file whose columns are ambiguous is refused)</source>
        <translation>أي أعمدة (بدءًا من 1) في ملف وحدة لكل سطر تحمل الوحدة والوسوم، مثل token=2,tag=3؛ وtag=3-5 أو tag=3- (حتى نهاية السطر) تقرأ مستويات التداخل، الخارجي أولًا (الافتراضي: يُكتشف تلقائيًا؛ ويُرفض ملف أعمدته ملتبسة)</translation>
    </message>
</context>
<context>
    <name>GuidelineEditor</name>
    <message>
        <source>Guideline of {0}</source>
        <translation>إرشاد {0}</translation>
    </message>
    <message>
        <source>&amp;Definition:</source>
        <translation>ال&amp;تعريف:</translation>
    </message>
    <message>
        <source>&amp;Examples:</source>
        <translation>الأ&amp;مثلة:</translation>
    </message>
    <message>
        <source>&amp;Not this label:</source>
        <translation>&amp;ليس من هذا الوسم:</translation>
    </message>
    <message>
        <source>One example per line, as it appears in the text.</source>
        <translation>مثال واحد في كل سطر، كما يرد في النص.</translation>
    </message>
</context>
<context>
    <name>GuidelinesDialog</name>
    <message>
        <source>No guideline yet (Project ▸ Labels ▸ Guideline).</source>
        <translation>لا إرشاد بعد (مشروع ◂ الوسوم ◂ الإرشاد).</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>أمثلة</translation>
    </message>
    <message>
        <source>Not this label</source>
        <translation>ليس من هذا الوسم</translation>
    </message>
    <message>
        <source>Annotation Guidelines</source>
        <translation>إرشادات الوسم</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>By file extension</source>
        <translation>حسب امتداد الملف</translation>
    </message>
    <message>
        <source>Documents ({0});;All files (*)</source>
        <translation>المستندات ({0});;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Import documents</source>
        <translation>استيراد المستندات</translation>
    </message>
    <message>
        <source>files or a folder</source>
        <translation>ملفات أو مجلد</translation>
    </message>
    <message>
        <source>&amp;Files…</source>
        <translation>م&amp;لفات…</translation>
    </message>
    <message>
        <source>Fo&amp;lder…</source>
        <translation>م&amp;جلد…</translation>
    </message>
    <message>
        <source>Whose layer the imported spans join; it wins over an annotator named in the file</source>
        <translation>طبقة المُوسِّم التي تنضم إليها المقاطع المستوردة؛ وتُقدَّم على المُوسِّم المذكور في الملف</translation>
    </message>
    <message>
        <source>&amp;Import from:</source>
        <translation>الا&amp;ستيراد من:</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>الت&amp;نسيق:</translation>
    </message>
    <message>
        <source>&amp;Annotator:</source>
        <translation>ال&amp;مُوسِّم:</translation>
    </message>
    <message>
        <source>Only labels the project &amp;has (refuse others)</source>
        <translation>الوسوم الموجودة في المشروع &amp;فقط (رفض غيرها)</translation>
    </message>
    <message>
        <source>For a fixed scheme: a span with another label stops the import; otherwise new labels are added</source>
        <translation>لمخطط وسوم ثابت: المقطع ذو الوسم الآخر يوقف الاستيراد؛ وإلا تُضاف الوسوم الجديدة</translation>
    </message>
    <message>
        <source>Problems found in the files show here; nothing is imported until there are none.</source>
        <translation>تظهر هنا المشكلات الموجودة في الملفات؛ ولا يُستورد شيء حتى تزول كلها.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <source>Import files</source>
        <translation>استيراد ملفات</translation>
    </message>
    <message>
        <source>Import a folder</source>
        <translation>استيراد مجلد</translation>
    </message>
    <message>
        <source>Choose files or a folder to import.</source>
        <translation>اختر ملفات أو مجلدًا للاستيراد.</translation>
    </message>
    <message>
        <source>This project is not a file: nothing can be imported into it.</source>
        <translation>هذا المشروع ليس ملفًا: لا يمكن الاستيراد إليه.</translation>
    </message>
    <message>
        <source>Reading and checking the files…</source>
        <translation>جارٍ قراءة الملفات وفحصها…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation>أُلغي: لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>Cancelling… nothing will be kept.</source>
        <translation>يجري الإلغاء… لن يُحفظ شيء.</translation>
    </message>
    <message>
        <source>Reading and checking the files… {0} documents so far (nothing is kept unless every one is valid)</source>
        <translation>جارٍ قراءة الملفات وفحصها… {0} من المستندات حتى الآن (لا يُحفظ شيء ما لم تصحّ كلها)</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>لم يُستورد شيء.</translation>
    </message>
</context>
<context>
    <name>KeyboardHelp</name>
    <message>
        <source>1 … 9</source>
        <translation>1 … 9</translation>
    </message>
    <message>
        <source>Label the selection with that label, or relabel the selected span</source>
        <translation>وسم التحديد بهذا الوسم، أو تغيير وسم المقطع المحدد</translation>
    </message>
    <message>
        <source>Alt+1 … 9</source>
        <translation>Alt+1 … 9</translation>
    </message>
    <message>
        <source>Relabel every mention of the selected span&apos;s entity</source>
        <translation>إعادة وسم كل ذكر لكيان المقطع المختار</translation>
    </message>
    <message>
        <source>Drag, double-click, Shift+arrows</source>
        <translation>السحب، النقر المزدوج، Shift+الأسهم</translation>
    </message>
    <message>
        <source>Select text; a selection snaps to whole words</source>
        <translation>تحديد النص؛ يمتد التحديد إلى كلمات كاملة</translation>
    </message>
    <message>
        <source>Alt + drag</source>
        <translation>Alt + السحب</translation>
    </message>
    <message>
        <source>Select exact letters for one selection</source>
        <translation>تحديد حروف بعينها لتحديد واحد</translation>
    </message>
    <message>
        <source>Click a span</source>
        <translation>النقر على مقطع</translation>
    </message>
    <message>
        <source>Select it</source>
        <translation>تحديده</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Shift+Tab</translation>
    </message>
    <message>
        <source>Next / previous span</source>
        <translation>المقطع التالي / السابق</translation>
    </message>
    <message>
        <source>Delete or Backspace</source>
        <translation>Delete أو Backspace</translation>
    </message>
    <message>
        <source>Remove the selected span</source>
        <translation>حذف المقطع المحدد</translation>
    </message>
    <message>
        <source>Escape</source>
        <translation>Escape</translation>
    </message>
    <message>
        <source>Clear the selection</source>
        <translation>إلغاء التحديد</translation>
    </message>
    <message>
        <source>Return / Shift+Return (in Find)</source>
        <translation>Return / Shift+Return (في البحث)</translation>
    </message>
    <message>
        <source>Next / previous match; Escape goes back to the text</source>
        <translation>النتيجة التالية / السابقة؛ Escape يعيدك إلى النص</translation>
    </message>
    <message>
        <source> or </source>
        <translation> أو </translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>الوظيفة</translation>
    </message>
</context>
<context>
    <name>KeyboardHelpDialog</name>
    <message>
        <source>Keyboard</source>
        <translation>لوحة المفاتيح</translation>
    </message>
</context>
<context>
    <name>LabelColors</name>
    <message>
        <source>Colour-blind safe, light (Paul Tol)</source>
        <translation>مناسبة لعمى الألوان، فاتحة (Paul Tol)</translation>
    </message>
    <message>
        <source>Colour-blind safe, strong (Okabe–Ito)</source>
        <translation>مناسبة لعمى الألوان، قوية (Okabe–Ito)</translation>
    </message>
    <message>
        <source>The project&apos;s own colours</source>
        <translation>ألوان المشروع نفسه</translation>
    </message>
</context>
<context>
    <name>LabelPalette</name>
    <message>
        <source>{0}: press {1}</source>
        <translation>{0}: اضغط {1}</translation>
    </message>
    <message>
        <source>F2: all guidelines</source>
        <translation>F2: كل الإرشادات</translation>
    </message>
</context>
<context>
    <name>LabelsDialog</name>
    <message>
        <source>Labels</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>إ&amp;ضافة…</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>إعادة ت&amp;سمية…</translation>
    </message>
    <message>
        <source>&amp;Colour…</source>
        <translation>ال&amp;لون…</translation>
    </message>
    <message>
        <source>&amp;Guideline…</source>
        <translation>الإ&amp;رشاد…</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>نقل لأ&amp;على</translation>
    </message>
    <message>
        <source>Move &amp;Down</source>
        <translation>نقل لأ&amp;سفل</translation>
    </message>
    <message>
        <source>New label</source>
        <translation>وسم جديد</translation>
    </message>
    <message>
        <source>Key (as exported, e.g. LOC):</source>
        <translation>المفتاح (كما يُصدَّر، مثل LOC):</translation>
    </message>
    <message>
        <source>A key holds letters, digits, - and _ only.</source>
        <translation>لا يحوي المفتاح إلا حروفًا وأرقامًا و- و_.</translation>
    </message>
    <message>
        <source>Rename label</source>
        <translation>إعادة تسمية الوسم</translation>
    </message>
    <message>
        <source>Name shown for {0}:</source>
        <translation>الاسم المعروض لـ {0}:</translation>
    </message>
    <message>
        <source>Colour of {0}</source>
        <translation>لون {0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation>مشروع &amp;جديد…</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>&amp;فتح مشروع…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>فتح مشروع &amp;حديث</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>ا&amp;ستيراد…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;تصدير…</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>النسخ الا&amp;حتياطية…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;تراجع</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <source>Undo the last step</source>
        <translation>التراجع عن الخطوة الأخيرة</translation>
    </message>
    <message>
        <source>Redo the step undone</source>
        <translation>إعادة الخطوة المتراجَع عنها</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;بحث…</translation>
    </message>
    <message>
        <source>&amp;Delete Span</source>
        <translation>&amp;حذف المقطع</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>الإ&amp;عدادات…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;تكبير</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <source>Label &amp;Tags Above Spans</source>
        <translation>أسماء ال&amp;وسوم فوق المقاطع</translation>
    </message>
    <message>
        <source>Group Spans by &amp;Entity</source>
        <translation>تجميع المقاطع حسب ال&amp;كيان</translation>
    </message>
    <message>
        <source>Next &amp;Panel</source>
        <translation>اللوحة ال&amp;تالية</translation>
    </message>
    <message>
        <source>Previous Panel</source>
        <translation>اللوحة السابقة</translation>
    </message>
    <message>
        <source>&amp;Sort Documents By</source>
        <translation>ترتيب ال&amp;مستندات حسب</translation>
    </message>
    <message>
        <source>Text &amp;Direction</source>
        <translation>ا&amp;تجاه النص</translation>
    </message>
    <message>
        <source>&amp;Automatic (per line)</source>
        <translation>&amp;تلقائي (لكل سطر)</translation>
    </message>
    <message>
        <source>&amp;Right to Left</source>
        <translation>من ال&amp;يمين إلى اليسار</translation>
    </message>
    <message>
        <source>&amp;Left to Right</source>
        <translation>من الي&amp;سار إلى اليمين</translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation>م&amp;شروع</translation>
    </message>
    <message>
        <source>&amp;Labels…</source>
        <translation>ال&amp;وسوم…</translation>
    </message>
    <message>
        <source>&amp;Review and Adjudicate…</source>
        <translation>الم&amp;راجعة والتحكيم…</translation>
    </message>
    <message>
        <source>Annotator &amp;Name…</source>
        <translation>ا&amp;سم المُوسِّم…</translation>
    </message>
    <message>
        <source>&amp;Assign…</source>
        <translation>&amp;توزيع…</translation>
    </message>
    <message>
        <source>&amp;Collect…</source>
        <translation>&amp;جمع…</translation>
    </message>
    <message>
        <source>Team &amp;Progress…</source>
        <translation>&amp;تقدم الفريق…</translation>
    </message>
    <message>
        <source>Document &amp;Language…</source>
        <translation>&amp;لغة المستند…</translation>
    </message>
    <message>
        <source>&amp;Suggestions</source>
        <translation>&amp;اقتراحات</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>م&amp;ستند</translation>
    </message>
    <message>
        <source>&amp;Next Document</source>
        <translation>المستند ال&amp;تالي</translation>
    </message>
    <message>
        <source>&amp;Previous Document</source>
        <translation>المستند ال&amp;سابق</translation>
    </message>
    <message>
        <source>Next &amp;Span</source>
        <translation>المقطع التا&amp;لي</translation>
    </message>
    <message>
        <source>Previous S&amp;pan</source>
        <translation>المقطع الساب&amp;ق</translation>
    </message>
    <message>
        <source>Mark &amp;Done / Not Done</source>
        <translation>وضع علامة &amp;منجز / غير منجز</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <source>&amp;Keyboard</source>
        <translation>&amp;لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Annotation &amp;Guidelines</source>
        <translation>إ&amp;رشادات الوسم</translation>
    </message>
    <message>
        <source>&amp;Welcome</source>
        <translation>&amp;ترحيب</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;حول</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>تعذّر فتح المشروع</translation>
    </message>
    <message>
        <source>The document list could not be sorted: %1</source>
        <translation>تعذّر ترتيب قائمة المستندات: %1</translation>
    </message>
    <message>
        <source>{0} — annotator</source>
        <translation>{0} — annotator</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>مشروع جديد</translation>
    </message>
    <message>
        <source>Annotation projects (*.db)</source>
        <translation>مشاريع الوسم (*.db)</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>فتح مشروع</translation>
    </message>
    <message>
        <source>Annotation projects (*.db);;All files (*)</source>
        <translation>مشاريع الوسم (*.db);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>المراجعة</translation>
    </message>
    <message>
        <source>No document has two annotators yet. Merge the annotators&apos; files first: annotator merge REVIEW.db A.db B.db</source>
        <translation>لا يوجد بعد مستند له مُوسِّمان. ادمج ملفات المُوسِّمين أولًا: annotator merge REVIEW.db A.db B.db</translation>
    </message>
    <message>
        <source>Not restored: the project is read-only here.</source>
        <translation>لم تتم الاستعادة: المشروع هنا للقراءة فقط.</translation>
    </message>
    <message>
        <source>Not restored</source>
        <translation>لم تتم الاستعادة</translation>
    </message>
    <message>
        <source>Restored backup {0}; {1}. It held: {2}</source>
        <translation>استُعيدت النسخة الاحتياطية {0}؛ {1}. كانت تحوي: {2}</translation>
    </message>
    <message>
        <source>Marked done, with {0} suggestions still open: they are not labels until accepted (Alt+Down steps to them).</source>
        <translation>عُلِّمت منتهية، وما زالت {0} اقتراحات مفتوحة: ليست تسميات حتى تُقبل (Alt+Down ينتقل إليها).</translation>
    </message>
    <message>
        <source>Marked done.</source>
        <translation>وُضعت علامة منجز.</translation>
    </message>
    <message>
        <source>This file was handed out to {0}, and you work as {1}: your labels go to {1}&apos;s layer, which a merge takes only where {1} has no other work (Project ▸ Annotator Name changes the name).</source>
        <translation>هذا الملف سُلِّم إلى {0}، وأنت تعمل باسم {1}: تذهب وسومك إلى طبقة {1}، ولا يأخذها الدمج إلا حيث لا عمل آخر لـ{1} (مشروع ◂ اسم المُوسِّم يغيّر الاسم).</translation>
    </message>
    <message>
        <source>You work as {0}; this file holds the work of {1}: your labels start a layer of their own (Project ▸ Annotator Name changes the name).</source>
        <translation>تعمل باسم {0}؛ وهذا الملف يحمل عمل {1}: تبدأ تسمياتك طبقة خاصة بها (مشروع ◂ اسم المُوسِّم يغيّر الاسم).</translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation>لم يُحفظ: {0}</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>لم يُحفظ</translation>
    </message>
    <message>
        <source>{0}&apos;s layer in it is merged from their own file, and the next merge replaces it; label in that file, or choose another name in {1}</source>
        <translation>طبقة {0} فيه مدمجة من ملفه الخاص، والدمج التالي يستبدلها؛ وسِّم في ذلك الملف، أو اختر اسمًا آخر من {1}</translation>
    </message>
    <message>
        <source>Project ▸ Annotator Name…</source>
        <translation>مشروع ◂ اسم المُوسِّم…</translation>
    </message>
    <message>
        <source>Annotator name</source>
        <translation>اسم المُوسِّم</translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation>حُفظت كل التغييرات</translation>
    </message>
    <message>
        <source>Every edit is saved as you make it</source>
        <translation>يُحفظ كل تعديل فور إجرائه</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>للقراءة فقط</translation>
    </message>
    <message>
        <source>&amp;Undo {0}</source>
        <translation>&amp;تراجع عن {0}</translation>
    </message>
    <message>
        <source>&amp;Redo {0}</source>
        <translation>إ&amp;عادة {0}</translation>
    </message>
    <message>
        <source>Document language</source>
        <translation>لغة المستند</translation>
    </message>
    <message>
        <source>Language code of {0} (ar, pl, en, …):</source>
        <translation>رمز لغة {0} (ar، pl، en، …):</translation>
    </message>
    <message>
        <source>Every edit is saved the moment it is made.</source>
        <translation>يُحفظ كل تعديل لحظة إجرائه.</translation>
    </message>
    <message>
        <source>About annotator</source>
        <translation>حول annotator</translation>
    </message>
    <message>
        <source>annotator {0}
Named-entity annotation of Arabic and other news.</source>
        <translation>annotator {0}
وسم الكيانات المسماة في الأخبار العربية وغيرها.</translation>
    </message>
    <message>
        <source>Review file</source>
        <translation>ملف مراجعة</translation>
    </message>
    <message>
        <source>{0} is a review file: it holds merged annotators&apos; layers or a gold layer. Review and adjudicate it with Project ▸ Review and Adjudicate… (Ctrl+R). Labelling here adds a layer of your own.</source>
        <translation>{0} ملف مراجعة: يحوي طبقات مُوسِّمين مدموجة أو طبقة مرجعية. راجعه واحكم فيه من مشروع ◂ المراجعة والتحكيم… (Ctrl+R). الوسم هنا يضيف طبقة خاصة بك.</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>م&amp;راجعة</translation>
    </message>
    <message>
        <source>&amp;Not Now</source>
        <translation>&amp;ليس الآن</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Team Progress</source>
        <translation>تقدم الفريق</translation>
    </message>
    <message>
        <source>Save as &amp;PNG…</source>
        <translation>حفظ بصيغة &amp;PNG…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;تحديث</translation>
    </message>
    <message>
        <source>Save Progress</source>
        <translation>حفظ التقدم</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>صور PNG (*.png)</translation>
    </message>
</context>
<context>
    <name>ProgressView</name>
    <message>
        <source>done</source>
        <translation>منجز</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <source>to do</source>
        <translation>لم يبدأ</translation>
    </message>
    <message>
        <source>not handed out</source>
        <translation>غير موزَّع</translation>
    </message>
    <message>
        <source>{0} documents: {1}</source>
        <translation>المستندات: {0}؛ {1}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>{0}/{1} done, {2} in progress, {3} spans, </source>
        <translation>منجز {0}/{1}، قيد العمل {2}، المقاطع {3}، </translation>
    </message>
    <message>
        <source>collected {0}</source>
        <translation>جُمع في {0}</translation>
    </message>
    <message>
        <source>not collected</source>
        <translation>لم يُجمع</translation>
    </message>
    <message>
        <source>, +{0} not assigned</source>
        <translation>، ‎+{0} غير موزَّع</translation>
    </message>
    <message>
        <source>Documents by state</source>
        <translation>المستندات حسب الحالة</translation>
    </message>
    <message>
        <source>Agreement: no document finished by two annotators yet</source>
        <translation>الاتفاق: لا يوجد بعد مستند أنجزه مُوسِّمان</translation>
    </message>
    <message>
        <source>Agreement over {0} documents finished by two annotators:</source>
        <translation>الاتفاق على المستندات التي أنجزها مُوسِّمان ({0}):</translation>
    </message>
    <message>
        <source>{0} / {1}: {2} documents, exact F1 {3}, token kappa {4}</source>
        <translation>{0} / {1}: المستندات {2}، F1 المتطابق {3}، كابا الوحدات {4}</translation>
    </message>
</context>
<context>
    <name>ReadOnlyBanner</name>
    <message>
        <source>Read-only: {0} cannot be changed in this window because {1}. You can read and export; labelling keys change nothing.</source>
        <translation>للقراءة فقط: لا يمكن تغيير {0} في هذه النافذة لأن {1}. يمكنك القراءة والتصدير؛ مفاتيح الوسم لا تغيّر شيئًا.</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <source>next / previous disagreement</source>
        <translation>الاختلاف التالي / السابق</translation>
    </message>
    <message>
        <source>keep only that version (with text selected: put it in gold with that label)</source>
        <translation>الإبقاء على تلك النسخة وحدها (مع تحديد نص: إدخاله في المرجع بذلك الوسم)</translation>
    </message>
    <message>
        <source>keep every version (both)</source>
        <translation>الإبقاء على كل النسخ (كلتيهما)</translation>
    </message>
    <message>
        <source>reject: no entity here</source>
        <translation>رفض: لا كيان هنا</translation>
    </message>
    <message>
        <source>edit: select the disputed place; a label key then makes it the place&apos;s only gold span</source>
        <translation>تحرير: تحديد الموضع المختلف عليه؛ ثم يجعله مفتاح الوسم المقطعَ المرجعي الوحيد في الموضع</translation>
    </message>
    <message>
        <source>(editing) move the end by a letter; with Ctrl: by a word</source>
        <translation>(في التحرير) تحريك النهاية حرفًا؛ ومع Ctrl: كلمة</translation>
    </message>
    <message>
        <source>(editing) move the start by a letter</source>
        <translation>(في التحرير) تحريك البداية حرفًا</translation>
    </message>
    <message>
        <source>(editing) move the start by a word</source>
        <translation>(في التحرير) تحريك البداية كلمة</translation>
    </message>
    <message>
        <source>accept everything all annotators agree on</source>
        <translation>قبول كل ما اتفق عليه جميع المُوسِّمين</translation>
    </message>
    <message>
        <source>select the next / previous gold span</source>
        <translation>تحديد المقطع المرجعي التالي / السابق</translation>
    </message>
    <message>
        <source>take the selected gold span out</source>
        <translation>إخراج المقطع المرجعي المحدد</translation>
    </message>
    <message>
        <source>undo (and go to its place) / redo</source>
        <translation>تراجع (مع الانتقال إلى موضعه) / إعادة</translation>
    </message>
    <message>
        <source>next / previous document</source>
        <translation>المستند التالي / السابق</translation>
    </message>
    <message>
        <source>mark the document settled (asks if disagreements are open)</source>
        <translation>وضع علامة «محسوم» على المستند (يسأل إن بقيت اختلافات مفتوحة)</translation>
    </message>
    <message>
        <source>solid</source>
        <translation>متصل</translation>
    </message>
    <message>
        <source>dashed</source>
        <translation>متقطع</translation>
    </message>
    <message>
        <source>dotted</source>
        <translation>منقّط</translation>
    </message>
    <message>
        <source>dash-dot</source>
        <translation>شرطة ونقطة</translation>
    </message>
    <message>
        <source>dash-dot-dot</source>
        <translation>شرطة ونقطتان</translation>
    </message>
    <message>
        <source>Review — {0}</source>
        <translation>المراجعة — {0}</translation>
    </message>
    <message>
        <source>project</source>
        <translation>المشروع</translation>
    </message>
    <message>
        <source>Keys… (F1)</source>
        <translation>المفاتيح… (F1)</translation>
    </message>
    <message>
        <source>This disagreement</source>
        <translation>هذا الاختلاف</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <source>Decide</source>
        <translation>القرار</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>الاتفاق</translation>
    </message>
    <message>
        <source>The file was changed by another program (a merge?): the review was read again.</source>
        <translation>غيّر برنامج آخر الملف (دمج؟): قُرئت المراجعة من جديد.</translation>
    </message>
    <message>
        <source>{0} of {1} to settle  ·  {2}% disputed</source>
        <translation>{0} من {1} للحسم  ·  {2}% مختلف عليه</translation>
    </message>
    <message>
        <source>settled with these open</source>
        <translation>حُسم وهذه ما زالت مفتوحة</translation>
    </message>
    <message>
        <source>Settled {0} of {1} documents</source>
        <translation>حُسم {0} من {1} مستندات</translation>
    </message>
    <message>
        <source>({0} with disagreements open)</source>
        <translation>({0} منها باختلافات مفتوحة)</translation>
    </message>
    <message>
        <source>Lines: {0}; highlights: gold</source>
        <translation>الخطوط: {0}؛ التظليل: المرجعي</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>No disagreements here.</source>
        <translation>لا اختلافات هنا.</translation>
    </message>
    <message>
        <source>Ctrl+Return marks it settled.</source>
        <translation>Ctrl+Return يضع عليه علامة «محسوم».</translation>
    </message>
    <message>
        <source>settled</source>
        <translation>محسوم</translation>
    </message>
    <message>
        <source>to settle</source>
        <translation>للحسم</translation>
    </message>
    <message>
        <source>Disagreement {0} of {1} ({2}); {3} left to settle</source>
        <translation>الاختلاف {0} من {1} ({2})؛ بقي {3} للحسم</translation>
    </message>
    <message>
        <source>R  nothing here — {0}</source>
        <translation>R  لا شيء هنا — {0}</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>لم يُحفظ</translation>
    </message>
    <message>
        <source>Edit to {0}</source>
        <translation>تحرير إلى {0}</translation>
    </message>
    <message>
        <source>Gold {0}</source>
        <translation>مرجعي {0}</translation>
    </message>
    <message>
        <source>Keep {0}</source>
        <translation>الإبقاء على {0}</translation>
    </message>
    <message>
        <source>Accept agreed spans</source>
        <translation>قبول المقاطع المتفق عليها</translation>
    </message>
    <message>
        <source>Keep all versions</source>
        <translation>الإبقاء على كل النسخ</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>رفض</translation>
    </message>
    <message>
        <source>Text selected: a number key puts it in gold as {0}</source>
        <translation>نص محدد: مفتاح الرقم يضعه في المرجعي بتسمية {0}</translation>
    </message>
    <message>
        <source>1–9: keep that version</source>
        <translation>1–9: احتفظ بتلك النسخة</translation>
    </message>
    <message>
        <source>Remove gold span</source>
        <translation>حذف المقطع المرجعي</translation>
    </message>
    <message>
        <source>Settle</source>
        <translation>تسوية</translation>
    </message>
    <message>
        <source>1 disagreement in {1} is still open.</source>
        <translation>ما زال في «{1}» اختلاف واحد مفتوح.</translation>
    </message>
    <message>
        <source>{0} disagreements in {1} are still open.</source>
        <translation>ما زال {0} من الاختلافات مفتوحًا في «{1}».</translation>
    </message>
    <message>
        <source>Settle with open disagreements?</source>
        <translation>الحسم مع وجود اختلافات مفتوحة؟</translation>
    </message>
    <message>
        <source>The gold layer will lack whatever was not decided there.

Mark the document settled anyway?</source>
        <translation>ستخلو الطبقة المرجعية مما لم يُفصل فيه هناك.

هل تضع علامة «محسوم» على المستند رغم ذلك؟</translation>
    </message>
    <message>
        <source>1 span every annotator agreed on in {1} is not in gold.</source>
        <translation>مقطع واحد اتفق عليه كل المعلِّقين في {1} ليس في المرجعي.</translation>
    </message>
    <message>
        <source>{0} spans every annotator agreed on in {1} are not in gold.</source>
        <translation>{0} من المقاطع اتفق عليها كل المعلِّقين في {1} ليست في المرجعي.</translation>
    </message>
    <message>
        <source>Agreed spans not in gold</source>
        <translation>مقاطع متفق عليها ليست في المرجعي</translation>
    </message>
    <message>
        <source>Put them in gold before settling (as A does)?</source>
        <translation>أتُضاف إلى المرجعي قبل التسوية (كما يفعل A)؟</translation>
    </message>
</context>
<context>
    <name>SelectionMode</name>
    <message>
        <source>Selection: whole words (hold Alt for exact letters)</source>
        <translation>التحديد: كلمات كاملة (اضغط Alt مطولًا لتحديد حروف بعينها)</translation>
    </message>
    <message>
        <source>Selection: exact letters</source>
        <translation>التحديد: حروف بعينها</translation>
    </message>
    <message>
        <source>E&amp;xact Selection (letter by letter)</source>
        <translation>تحديد &amp;دقيق (حرفًا حرفًا)</translation>
    </message>
    <message>
        <source>Select exact letters instead of whole words; Alt while dragging does it for one selection</source>
        <translation>تحديد حروف بعينها بدل الكلمات الكاملة؛ الضغط على Alt أثناء السحب يفعل ذلك لتحديد واحد</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>&amp;Font:</source>
        <translation>ال&amp;خط:</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> نقطة</translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation>ال&amp;حجم:</translation>
    </message>
    <message>
        <source>&amp;Line spacing:</source>
        <translation>&amp;تباعد الأسطر:</translation>
    </message>
    <message>
        <source>Label &amp;tags above spans</source>
        <translation>أسماء ال&amp;وسوم فوق المقاطع</translation>
    </message>
    <message>
        <source>Label colours</source>
        <translation>ألوان الوسوم</translation>
    </message>
    <message>
        <source>&amp;Palette:</source>
        <translation>&amp;مجموعة الألوان:</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>الواجهة</translation>
    </message>
    <message>
        <source>System ({0})</source>
        <translation>لغة النظام ({0})</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>ال&amp;لغة:</translation>
    </message>
    <message>
        <source>Menus and dialogs change language when annotator starts again; the direction changes now.</source>
        <translation>تتغير لغة القوائم ومربعات الحوار عند تشغيل annotator من جديد؛ أما الاتجاه فيتغير الآن.</translation>
    </message>
    <message>
        <source>Choose this label&apos;s colour</source>
        <translation>اختيار لون هذا الوسم</translation>
    </message>
    <message>
        <source>Palette</source>
        <translation>مجموعة الألوان</translation>
    </message>
    <message>
        <source>Back to the palette&apos;s colour</source>
        <translation>العودة إلى لون مجموعة الألوان</translation>
    </message>
    <message>
        <source>Label colour</source>
        <translation>لون الوسم</translation>
    </message>
</context>
<context>
    <name>SpanList</name>
    <message>
        <source>suggested</source>
        <translation>مقترح</translation>
    </message>
    <message>
        <source>mention of «{0}»</source>
        <translation>ذكر لـ«{0}»</translation>
    </message>
    <message>
        <source>variant of «{0}»</source>
        <translation>صيغة أخرى لـ«{0}»</translation>
    </message>
    <message>
        <source>short form of «{0}»</source>
        <translation>صيغة مختصرة لـ«{0}»</translation>
    </message>
    <message>
        <source>date rule</source>
        <translation>قاعدة التواريخ</translation>
    </message>
    <message>
        <source>gazetteer</source>
        <translation>معجم الأسماء</translation>
    </message>
    <message>
        <source>{0}: 1 mention</source>
        <translation>{0}: ذكر واحد</translation>
    </message>
    <message>
        <source>{0}: {1} mentions</source>
        <translation>{0}: {1} من الذكر</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <source>mixed labels</source>
        <translation>وسوم مختلفة</translation>
    </message>
    <message>
        <source> ({0} open)</source>
        <translation> ({0} معلّق)</translation>
    </message>
</context>
<context>
    <name>SuggestionMenu</name>
    <message>
        <source>Propose Other Mentions in the &amp;Document</source>
        <translation>اقتراح الإشارات الأخرى في ال&amp;مستند</translation>
    </message>
    <message>
        <source>Propose Other Mentions in the Whole &amp;Project</source>
        <translation>اقتراح الإشارات الأخرى في المشروع &amp;كله</translation>
    </message>
    <message>
        <source>Propose &amp;No Mentions</source>
        <translation>&amp;عدم اقتراح إشارات</translation>
    </message>
    <message>
        <source>&amp;Next Suggestion</source>
        <translation>الاقتراح ال&amp;تالي</translation>
    </message>
    <message>
        <source>&amp;Previous Suggestion</source>
        <translation>الاقتراح ال&amp;سابق</translation>
    </message>
    <message>
        <source>&amp;Accept Suggestion</source>
        <translation>&amp;قبول الاقتراح</translation>
    </message>
    <message>
        <source>&amp;Reject Suggestion</source>
        <translation>&amp;رفض الاقتراح</translation>
    </message>
    <message>
        <source>Accept A&amp;ll Suggestions of the Document</source>
        <translation>قبول &amp;كل اقتراحات المستند</translation>
    </message>
    <message>
        <source>Reject All Suggestions of the Doc&amp;ument</source>
        <translation>رفض كل اقتراحات الم&amp;ستند</translation>
    </message>
    <message>
        <source>Accept Every Mention of the &amp;Entity</source>
        <translation>قبول كل ذكر لل&amp;كيان</translation>
    </message>
    <message>
        <source>Reject the Open Mentions of the En&amp;tity</source>
        <translation>رفض الذكر المعلّق لل&amp;كيان</translation>
    </message>
    <message>
        <source>Take the Span &amp;Out of Its Entity</source>
        <translation>إ&amp;خراج المقطع من كيانه</translation>
    </message>
    <message>
        <source>Propose Every &amp;Mention in the Project…</source>
        <translation>اقتراح كل الإ&amp;شارات في المشروع…</translation>
    </message>
    <message>
        <source>Propose Dates in This Document</source>
        <translation>اقتراح التواريخ في هذا المستند</translation>
    </message>
    <message>
        <source>Propose Dates in Every Document…</source>
        <translation>اقتراح التواريخ في كل المستندات…</translation>
    </message>
    <message>
        <source>Load &amp;Gazetteer…</source>
        <translation>تحميل &amp;معجم أسماء…</translation>
    </message>
    <message>
        <source>&amp;Forget Rejections in This Document</source>
        <translation>&amp;نسيان الرفض في هذا المستند</translation>
    </message>
    <message>
        <source>Forget Rejections in the Pro&amp;ject</source>
        <translation>نسيان الرفض في الم&amp;شروع</translation>
    </message>
    <message>
        <source>&amp;Save My Labels as a Gazetteer…</source>
        <translation>&amp;حفظ وسومي معجمَ أسماء…</translation>
    </message>
    <message>
        <source>Proposing mentions</source>
        <translation>اقتراح الإشارات</translation>
    </message>
    <message>
        <source>1 other mention proposed; {0} steps to it.</source>
        <translation>اقتُرح ذكر آخر واحد؛ ينتقل إليه {0}.</translation>
    </message>
    <message>
        <source>{1} other mentions proposed; {0} steps to them.</source>
        <translation>اقتُرح {1} من الذكر الآخر؛ ينتقل إليها {0}.</translation>
    </message>
    <message>
        <source>{0} more in other documents.</source>
        <translation>و{0} في مستندات أخرى.</translation>
    </message>
    <message>
        <source>No suggestion in this document.</source>
        <translation>لا اقتراحات في هذا المستند.</translation>
    </message>
    <message>
        <source>Select a suggestion first ({0}).</source>
        <translation>حدّد اقتراحًا أولًا ({0}).</translation>
    </message>
    <message>
        <source>Select a span whose name was labelled with its other mentions first.</source>
        <translation>اختر أولًا مقطعًا وُسم اسمه مع ذكره الآخر.</translation>
    </message>
    <message>
        <source>Every mention of this entity is accepted already.</source>
        <translation>كل ذكر لهذا الكيان مقبول من قبل.</translation>
    </message>
    <message>
        <source>This entity has no open mention.</source>
        <translation>ليس لهذا الكيان ذكر معلّق.</translation>
    </message>
    <message>
        <source>The selected span is in no entity.</source>
        <translation>المقطع المختار ليس في أي كيان.</translation>
    </message>
    <message>
        <source>Label some names first: their other mentions are proposed.</source>
        <translation>وسِّم بعض الأسماء أولًا: ستُقترح إشاراتها الأخرى.</translation>
    </message>
    <message>
        <source>Proposing every mention</source>
        <translation>اقتراح كل الإشارات</translation>
    </message>
    <message>
        <source>The project has no {0} label.</source>
        <translation>لا يحوي المشروع الوسم {0}.</translation>
    </message>
    <message>
        <source>Proposing dates</source>
        <translation>اقتراح التواريخ</translation>
    </message>
    <message>
        <source>1 rejected suggestion in the project forgotten: proposing again may bring it back.</source>
        <translation>نُسي اقتراح مرفوض واحد في المشروع: قد يعيده اقتراح جديد.</translation>
    </message>
    <message>
        <source>{0} rejected suggestions in the project forgotten: proposing again may bring them back.</source>
        <translation>نُسي {0} من الاقتراحات المرفوضة في المشروع: قد يعيدها اقتراح جديد.</translation>
    </message>
    <message>
        <source>1 rejected suggestion in this document forgotten: proposing again may bring it back.</source>
        <translation>نُسي اقتراح مرفوض واحد في هذا المستند: قد يعيده اقتراح جديد.</translation>
    </message>
    <message>
        <source>{0} rejected suggestions in this document forgotten: proposing again may bring them back.</source>
        <translation>نُسي {0} من الاقتراحات المرفوضة في هذا المستند: قد يعيدها اقتراح جديد.</translation>
    </message>
    <message>
        <source>Load gazetteer</source>
        <translation>تحميل معجم أسماء</translation>
    </message>
    <message>
        <source>Gazetteers (*.tsv *.txt);;All files (*)</source>
        <translation>معاجم الأسماء (*.tsv *.txt);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Gazetteer not loaded</source>
        <translation>لم يُحمَّل معجم الأسماء</translation>
    </message>
    <message>
        <source>Proposing gazetteer names</source>
        <translation>اقتراح أسماء معجم الأسماء</translation>
    </message>
    <message>
        <source>Save labels as a gazetteer</source>
        <translation>حفظ الوسوم معجمَ أسماء</translation>
    </message>
    <message>
        <source>Gazetteers (*.tsv)</source>
        <translation>معاجم الأسماء (*.tsv)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>لم يُحفظ</translation>
    </message>
    <message>
        <source>{0}: cannot write ({1})</source>
        <translation>{0}: تتعذّر الكتابة ({1})</translation>
    </message>
    <message>
        <source>{0} names saved to {1}.</source>
        <translation>حُفظ {0} من الأسماء في {1}.</translation>
    </message>
    <message>
        <source>1 suggestion proposed.</source>
        <translation>قُدِّم اقتراح واحد.</translation>
    </message>
    <message>
        <source>{0} suggestions proposed.</source>
        <translation>قُدِّم {0} من الاقتراحات.</translation>
    </message>
</context>
<context>
    <name>UndoStep</name>
    <message>
        <source>Undo {0}</source>
        <translation>التراجع عن {0}</translation>
    </message>
    <message>
        <source>Add {0}</source>
        <translation>إضافة {0}</translation>
    </message>
    <message>
        <source>Relabel {0} ({1} mentions) as {2}</source>
        <translation>إعادة وسم {0} ({1} من الذكر) بـ {2}</translation>
    </message>
    <message>
        <source>Relabel {0} as {1}</source>
        <translation>إعادة وسم {0} بـ {1}</translation>
    </message>
    <message>
        <source>Move {0}</source>
        <translation>نقل {0}</translation>
    </message>
    <message>
        <source>Suggest 1 span</source>
        <translation>اقتراح مقطع واحد</translation>
    </message>
    <message>
        <source>Suggest {0} spans</source>
        <translation>اقتراح {0} من المقاطع</translation>
    </message>
    <message>
        <source>Accept {0} suggestions</source>
        <translation>قبول {0} من الاقتراحات</translation>
    </message>
    <message>
        <source>Reject {0} suggestions</source>
        <translation>رفض {0} من الاقتراحات</translation>
    </message>
    <message>
        <source>Accept {0} ({1} mentions)</source>
        <translation>قبول {0} ({1} من الذكر)</translation>
    </message>
    <message>
        <source>Reject {0} ({1} mentions)</source>
        <translation>رفض {0} ({1} من الذكر)</translation>
    </message>
    <message>
        <source>Accept {0} as {1}</source>
        <translation>قبول {0} بتسمية {1}</translation>
    </message>
    <message>
        <source>Accept {0}</source>
        <translation>قبول {0}</translation>
    </message>
    <message>
        <source>Reject {0}</source>
        <translation>رفض {0}</translation>
    </message>
    <message>
        <source>Delete {0}</source>
        <translation>حذف {0}</translation>
    </message>
    <message>
        <source>Group mentions</source>
        <translation>تجميع الذكر في كيان</translation>
    </message>
    <message>
        <source>Ungroup mention</source>
        <translation>إخراج الذكر من الكيان</translation>
    </message>
    <message>
        <source>Mark to do</source>
        <translation>وضع علامة لم يبدأ</translation>
    </message>
    <message>
        <source>Mark in progress</source>
        <translation>وضع علامة قيد العمل</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>وضع علامة منجز</translation>
    </message>
</context>
<context>
    <name>UpgradeNotice</name>
    <message>
        <source>Upgrading %1 to this version of the annotator.
This happens once; a big project takes a few seconds.</source>
        <translation>جارٍ ترقية %1 إلى هذا الإصدار من أداة التوسيم.
يحدث هذا مرة واحدة؛ ويستغرق المشروع الكبير بضع ثوانٍ.</translation>
    </message>
    <message>
        <source>Upgrading the project</source>
        <translation>ترقية المشروع</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <source>Welcome. Three things are enough to start:</source>
        <translation>أهلًا بك. ثلاثة أمور تكفي للبدء:</translation>
    </message>
    <message>
        <source>1. Select text with the mouse: drag, or double-click a word.</source>
        <translation>1. حدّد النص بالفأرة: اسحب، أو انقر نقرًا مزدوجًا على كلمة.</translation>
    </message>
    <message>
        <source>2. Press a label&apos;s number (1, 2, 3 …) to label the selection.</source>
        <translation>2. اضغط رقم الوسم (1، 2، 3 …) لوسم التحديد.</translation>
    </message>
    <message>
        <source>3. Everything saves itself: there is no Save button.</source>
        <translation>3. كل شيء يُحفظ تلقائيًا: لا يوجد زر حفظ.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>إ&amp;غلاق</translation>
    </message>
    <message>
        <source>Hide until the next start</source>
        <translation>إخفاء حتى التشغيل القادم</translation>
    </message>
    <message>
        <source>Don&apos;t Show &amp;Again</source>
        <translation>لا تُظهرها &amp;مجددًا</translation>
    </message>
    <message>
        <source>Help ▸ Welcome shows it again</source>
        <translation>مساعدة ◂ ترحيب يُظهره من جديد</translation>
    </message>
</context>
</TS>
