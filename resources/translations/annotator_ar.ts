<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>LabelColors</name>
    <message>
        <source>Colour-blind safe, light (Paul Tol)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour-blind safe, strong (Okabe–Ito)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project&apos;s own colours</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label &amp;Tags Above Spans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text &amp;Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Automatic (per line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Right to Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Left to Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Labels…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Review and Adjudicate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotator &amp;Name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Assign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Collect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team &amp;Progress…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document &amp;Language…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Suggestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next &amp;Span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous S&amp;pan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;Done / Not Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotation &amp;Guidelines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotation projects (*.db)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotation projects (*.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotator name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every edit is saved as you make it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every edit is saved the moment it is made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About annotator</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Font:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Line spacing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label &amp;tags above spans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Palette:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menus and dialogs change language when annotator starts again; the direction changes now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose this label&apos;s colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Palette</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the palette&apos;s colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label colour</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <source>Welcome. Three things are enough to start:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. Select text with the mouse: drag, or double-click a word.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. Press a label&apos;s number (1, 2, 3 …) to label the selection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3. Everything saves itself: there is no Save button.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide until the next start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Don&apos;t Show Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help ▸ Welcome shows it again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
