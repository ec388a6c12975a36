<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>EndorsementsPage</name>
    <message numerus="yes">
        <location filename="../../app/vouch/gui/pages/endorsements.py" line="326" />
        <source>%Ln statements</source>
        <translation><numerusform>%Ln statement</numerusform><numerusform>%Ln statements</numerusform></translation>
    </message>
</context>
<context>
    <name>ExchangePage</name>
    <message numerus="yes">
        <location filename="../../app/vouch/gui/pages/exchange.py" line="335" />
        <source>Visibility turned itself off after %n minutes.</source>
        <translation><numerusform>Visibility turned itself off after %n minute.</numerusform><numerusform>Visibility turned itself off after %n minutes.</numerusform></translation>
    </message>
</context>
<context>
    <name>ExchangeWords</name>
    <message numerus="yes">
        <location filename="../../app/vouch/gui/exchange_words.py" line="44" />
        <source>%n minutes</source>
        <translation><numerusform>%n minute</numerusform><numerusform>%n minutes</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/vouch/gui/exchange_words.py" line="50" />
        <source>received %n new</source>
        <translation><numerusform>received %n new</numerusform><numerusform>received %n new</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/vouch/gui/exchange_words.py" line="52" />
        <source>%n revocations</source>
        <translation><numerusform>%n revocation</numerusform><numerusform>%n revocations</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/vouch/gui/exchange_words.py" line="53" />
        <source>%n duplicates</source>
        <translation><numerusform>%n duplicate</numerusform><numerusform>%n duplicates</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/vouch/gui/exchange_words.py" line="54" />
        <source>%n invalid</source>
        <translation><numerusform>%n invalid</numerusform><numerusform>%n invalid</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/vouch/gui/exchange_words.py" line="56" />
        <source>&lt;b&gt;Exchanged with {name}&lt;/b&gt; (they connected): {parts}; sent %n items.</source>
        <translation><numerusform>&lt;b&gt;Exchanged with {name}&lt;/b&gt; (they connected): {parts}; sent %n item.</numerusform><numerusform>&lt;b&gt;Exchanged with {name}&lt;/b&gt; (they connected): {parts}; sent %n items.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/vouch/gui/exchange_words.py" line="63" />
        <source>&lt;b&gt;Exchanged with {name}&lt;/b&gt; (you connected): {parts}; sent %n items.</source>
        <translation><numerusform>&lt;b&gt;Exchanged with {name}&lt;/b&gt; (you connected): {parts}; sent %n item.</numerusform><numerusform>&lt;b&gt;Exchanged with {name}&lt;/b&gt; (you connected): {parts}; sent %n items.</numerusform></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <location filename="../../app/vouch/gui/dialogs/export_dialog.py" line="138" />
        <source>%Ln statements ticked.</source>
        <translation><numerusform>%Ln statement ticked.</numerusform><numerusform>%Ln statements ticked.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/vouch/gui/dialogs/export_dialog.py" line="163" />
        <source>Saved to {file}: %Ln statements</source>
        <translation><numerusform>Saved to {file}: %Ln statement</numerusform><numerusform>Saved to {file}: %Ln statements</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/vouch/gui/dialogs/export_dialog.py" line="167" />
        <source>, and %Ln revocations that travel with them so that the other person also learns what you withdrew</source>
        <translation><numerusform>, and %Ln revocation that travels with them so that the other person also learns what you withdrew</numerusform><numerusform>, and %Ln revocations that travel with them so that the other person also learns what you withdrew</numerusform></translation>
    </message>
</context>
<context>
    <name>FindPage</name>
    <message numerus="yes">
        <location filename="../../app/vouch/gui/pages/find.py" line="193" />
        <source>%n cautions</source>
        <translation><numerusform>%n caution</numerusform><numerusform>%n cautions</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/vouch/gui/pages/find.py" line="205" />
        <source>%n people for “{task}”.</source>
        <translation><numerusform>%n person for “{task}”.</numerusform><numerusform>%n people for “{task}”.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/vouch/gui/pages/find.py" line="229" />
        <source>through {name} and %n more</source>
        <translation><numerusform>through {name} and %n more</numerusform><numerusform>through {name} and %n more</numerusform></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <location filename="../../app/vouch/gui/dialogs/import_dialog.py" line="123" />
        <source>%Ln new</source>
        <translation><numerusform>%Ln new</numerusform><numerusform>%Ln new</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/vouch/gui/dialogs/import_dialog.py" line="125" />
        <location filename="../../app/vouch/gui/dialogs/import_dialog.py" line="222" />
        <source>%Ln revocations</source>
        <translation><numerusform>%Ln revocation</numerusform><numerusform>%Ln revocations</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/vouch/gui/dialogs/import_dialog.py" line="126" />
        <location filename="../../app/vouch/gui/dialogs/import_dialog.py" line="224" />
        <source>%Ln already known</source>
        <translation><numerusform>%Ln already known</numerusform><numerusform>%Ln already known</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/vouch/gui/dialogs/import_dialog.py" line="128" />
        <source>%Ln refused</source>
        <translation><numerusform>%Ln refused</numerusform><numerusform>%Ln refused</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/vouch/gui/dialogs/import_dialog.py" line="220" />
        <source>%Ln new statements</source>
        <translation><numerusform>%Ln new statement</numerusform><numerusform>%Ln new statements</numerusform></translation>
    </message>
</context>
</TS>
