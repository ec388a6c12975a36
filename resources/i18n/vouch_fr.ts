<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AddContactDialog</name>
    <message>
        <location filename="../../app/vouch/gui/dialogs/contact.py" line="37"/>
        <source>Add a contact</source>
        <translation>Ajouter un contact</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/contact.py" line="41"/>
        <source>Paste the person&apos;s identifier (did:key:z6Mk…), or take it from the clipboard or from a file they sent you. Give them a name only you will see.</source>
        <translation>Collez l&apos;identifiant de la personne (did:key:z6Mk…), ou prenez-le dans le presse-papiers ou dans un fichier qu&apos;elle vous a envoyé. Donnez-lui un nom que vous seul verrez.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/contact.py" line="49"/>
        <source>Identifier</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/contact.py" line="53"/>
        <source>&amp;Paste</source>
        <translation>&amp;Coller</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/contact.py" line="54"/>
        <source>Take the identifier from the clipboard</source>
        <translation>Prendre l&apos;identifiant dans le presse-papiers</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/contact.py" line="56"/>
        <source>From &amp;file…</source>
        <translation>Depuis un &amp;fichier…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/contact.py" line="57"/>
        <source>Take the identifier from a file</source>
        <translation>Prendre l&apos;identifiant dans un fichier</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/contact.py" line="61"/>
        <source>&amp;Identifier:</source>
        <translation>&amp;Identifiant :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/contact.py" line="65"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/contact.py" line="66"/>
        <source>e.g. Dana (plumber)</source>
        <translation>p. ex. Dana (plombière)</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/contact.py" line="67"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/contact.py" line="68"/>
        <source>We met and compared safety codes in person</source>
        <translation>Nous nous sommes vus et avons comparé nos codes de sécurité</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/contact.py" line="69"/>
        <source>Verified in person</source>
        <translation>Vérifié en personne</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/contact.py" line="72"/>
        <source>Their safety code</source>
        <translation>Son code de sécurité</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/contact.py" line="74"/>
        <source>Safety code:</source>
        <translation>Code de sécurité :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/contact.py" line="82"/>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/contact.py" line="98"/>
        <source>No did:key identifier found in that text.</source>
        <translation>Aucun identifiant did:key dans ce texte.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/contact.py" line="112"/>
        <source>Identifier file</source>
        <translation>Fichier d&apos;identifiant</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/contact.py" line="112"/>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/contact.py" line="120"/>
        <source>Could not read the file: {strerror}.</source>
        <translation>Impossible de lire le fichier : {strerror}.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/contact.py" line="130"/>
        <source>Give this person a name.</source>
        <translation>Donnez un nom à cette personne.</translation>
    </message>
</context>
<context>
    <name>AutoBackup</name>
    <message>
        <location filename="../../app/vouch/gui/auto_backup.py" line="94"/>
        <source>the backup could not be written.</source>
        <translation>la sauvegarde n&apos;a pas pu être écrite.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/auto_backup.py" line="98"/>
        <source>Automatic backup failed: {text}</source>
        <translation>La sauvegarde automatique a échoué : {text}</translation>
    </message>
</context>
<context>
    <name>CautionDialog</name>
    <message>
        <location filename="../../app/vouch/gui/dialogs/statement.py" line="93"/>
        <source>Caution about someone</source>
        <translation>Mettre en garde contre quelqu&apos;un</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/statement.py" line="94"/>
        <source>A caution tells the people who rely on you that you would not rely on this person for this task. It is signed and can travel like an endorsement. Say why, factually.</source>
        <translation>Une mise en garde dit aux personnes qui comptent sur vous que vous ne compteriez pas sur cette personne pour cette tâche. Elle est signée et circule comme une recommandation. Dites pourquoi, factuellement.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/statement.py" line="100"/>
        <source>&amp;Sign caution</source>
        <translation>&amp;Signer la mise en garde</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/statement.py" line="107"/>
        <source>About:</source>
        <translation>À propos de :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/statement.py" line="109"/>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/statement.py" line="111"/>
        <source>&amp;Task:</source>
        <translation>&amp;Tâche :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/statement.py" line="115"/>
        <source>Valid until</source>
        <translation>Valable jusqu&apos;au</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/statement.py" line="116"/>
        <source>&amp;Until:</source>
        <translation>&amp;Jusqu&apos;au :</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <location filename="../../app/vouch/gui/dialogs/passphrase.py" line="98"/>
        <source>Change the passphrase</source>
        <translation>Changer la phrase de passe</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/passphrase.py" line="104"/>
        <source>Type the passphrase you use now, then the new one twice. Your recovery phrase does not change.</source>
        <translation>Tapez la phrase de passe actuelle, puis la nouvelle deux fois. Votre phrase de récupération ne change pas.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/passphrase.py" line="114"/>
        <source>Current passphrase</source>
        <translation>Phrase de passe actuelle</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/passphrase.py" line="115"/>
        <source>C&amp;urrent passphrase:</source>
        <translation>Phrase &amp;actuelle :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/passphrase.py" line="117"/>
        <source>&amp;New passphrase:</source>
        <translation>&amp;Nouvelle phrase :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/passphrase.py" line="117"/>
        <source>&amp;Again:</source>
        <translation>&amp;Encore :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/passphrase.py" line="138"/>
        <source>Changing the passphrase</source>
        <translation>Changement de la phrase de passe</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/passphrase.py" line="146"/>
        <source>C&amp;hange</source>
        <translation>C&amp;hanger</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/passphrase.py" line="154"/>
        <source>Type the passphrase you use now.</source>
        <translation>Tapez la phrase de passe que vous utilisez aujourd&apos;hui.</translation>
    </message>
</context>
<context>
    <name>CodeField</name>
    <message>
        <location filename="../../app/vouch/gui/widgets/far_away.py" line="42"/>
        <source>e.g. 7-guitarist-revenge-crossbow</source>
        <translation>p. ex. 7-guitarist-revenge-crossbow</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/far_away.py" line="43"/>
        <source>Code from the other person</source>
        <translation>Code de l&apos;autre personne</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../app/vouch/gui/dialogs/crash_dialog.py" line="19"/>
        <source>Vouch ran into a problem</source>
        <translation>Vouch a rencontré un problème</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/crash_dialog.py" line="24"/>
        <source>Something went wrong inside Vouch. This is a bug in Vouch, not something you did.
Your wallet is safe: nothing half-done was saved. You can copy the details below and send them to the developers.</source>
        <translation>Une erreur s&apos;est produite dans Vouch. C&apos;est un défaut de Vouch, pas une erreur de votre part.
Votre portefeuille est intact : rien d&apos;inachevé n&apos;a été enregistré. Vous pouvez copier les détails ci-dessous et les envoyer aux développeurs.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/crash_dialog.py" line="33"/>
        <source>Error details</source>
        <translation>Détails de l&apos;erreur</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/crash_dialog.py" line="37"/>
        <source>Copy details</source>
        <translation>Copier les détails</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/crash_dialog.py" line="39"/>
        <source>Copy the error details to the clipboard</source>
        <translation>Copier les détails de l&apos;erreur dans le presse-papiers</translation>
    </message>
</context>
<context>
    <name>DevicesGroup</name>
    <message>
        <location filename="../../app/vouch/gui/widgets/devices.py" line="42"/>
        <location filename="../../app/vouch/gui/widgets/devices.py" line="52"/>
        <source>My devices</source>
        <translation>Mes appareils</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/devices.py" line="48"/>
        <source>Device</source>
        <translation>Appareil</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/devices.py" line="48"/>
        <source>Last sync with this one</source>
        <translation>Dernière synchronisation avec celui-ci</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/devices.py" line="57"/>
        <source>Every device here holds your identity. A sync between two of them carries everything, private statements and contacts included.</source>
        <translation>Chaque appareil ci-dessous détient votre identité. Une synchronisation entre deux d&apos;entre eux transmet tout, y compris les déclarations privées et les contacts.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/devices.py" line="62"/>
        <source>Link another de&amp;vice…</source>
        <translation>Lier un autre a&amp;ppareil…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/devices.py" line="64"/>
        <source>Rena&amp;me…</source>
        <translation>Reno&amp;mmer…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/devices.py" line="66"/>
        <source>Forg&amp;et…</source>
        <translation>Ou&amp;blier…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/devices.py" line="96"/>
        <source>{name} (this device)</source>
        <translation>{name} (cet appareil)</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/devices.py" line="105"/>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/devices.py" line="130"/>
        <source>Linked with {name}.</source>
        <translation>Lié à {name}.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/devices.py" line="140"/>
        <source>Rename a device</source>
        <translation>Renommer un appareil</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/devices.py" line="140"/>
        <source>New name:</source>
        <translation>Nouveau nom :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/devices.py" line="158"/>
        <source>Forget this device?</source>
        <translation>Oublier cet appareil ?</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/devices.py" line="160"/>
        <source>“{name}” will no longer be listed here. It still holds your identity: if it was lost or stolen, whoever has it and its passphrase can sign as you. Then recover your identity on a device you trust (with your guardians or the recovery phrase), make a new identity, and tell your contacts.</source>
        <translation>« {name} » ne figurera plus ici. Il détient toujours votre identité : s&apos;il a été perdu ou volé, qui le possède avec sa phrase de passe peut signer en votre nom. Récupérez alors votre identité sur un appareil de confiance (avec vos gardiens ou la phrase de récupération), créez une nouvelle identité et prévenez vos contacts.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/devices.py" line="171"/>
        <source>Forgot {name} on this device.</source>
        <translation>{name} a été oublié sur cet appareil.</translation>
    </message>
</context>
<context>
    <name>DocumentView</name>
    <message>
        <location filename="../../app/vouch/gui/widgets/document_view.py" line="34"/>
        <location filename="../../app/vouch/gui/widgets/document_view.py" line="78"/>
        <source>Show the signed &amp;document</source>
        <translation>Afficher le document si&amp;gné</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/document_view.py" line="36"/>
        <source>The exact JSON-LD document that is signed</source>
        <translation>Le document JSON-LD exact qui est signé</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/document_view.py" line="78"/>
        <source>Hide the signed &amp;document</source>
        <translation>Masquer le document si&amp;gné</translation>
    </message>
</context>
<context>
    <name>EndorsePage</name>
    <message>
        <location filename="../../app/vouch/gui/pages/endorse.py" line="50"/>
        <source>Endorse someone</source>
        <translation>Recommander quelqu&apos;un</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorse.py" line="54"/>
        <source>Say how much you rely on a person for one kind of task. Only people who rely on you will take it into account, and you can revoke it at any time.</source>
        <translation>Dites à quel point vous comptez sur une personne pour un type de tâche. Seules les personnes qui comptent sur vous en tiendront compte, et vous pouvez la révoquer à tout moment.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorse.py" line="61"/>
        <source>&amp;Person:</source>
        <translation>&amp;Personne :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorse.py" line="65"/>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorse.py" line="67"/>
        <source>The task, e.g. plumbing or code-review/python (new tasks allowed)</source>
        <translation>La tâche, p. ex. plomberie ou relecture-de-code/python (nouvelles tâches permises)</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorse.py" line="71"/>
        <source>e.g. plumbing, or code-review/python</source>
        <translation>p. ex. plomberie, ou relecture-de-code/python</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorse.py" line="72"/>
        <source>&amp;Task:</source>
        <translation>&amp;Tâche :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorse.py" line="74"/>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorse.py" line="75"/>
        <source>How much you rely on them for this</source>
        <translation>À quel point vous comptez sur cette personne pour cela</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorse.py" line="78"/>
        <source>I rely on them {level}</source>
        <translation>Je compte sur cette personne {level}</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorse.py" line="81"/>
        <source>&amp;Level:</source>
        <translation>&amp;Niveau :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorse.py" line="83"/>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorse.py" line="84"/>
        <source>Optional, e.g. fixed our boiler twice</source>
        <translation>Facultatif, p. ex. a réparé deux fois notre chaudière</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorse.py" line="85"/>
        <source>&amp;Comment:</source>
        <translation>&amp;Commentaire :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorse.py" line="89"/>
        <source>Valid until</source>
        <translation>Valable jusqu&apos;au</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorse.py" line="90"/>
        <source>The endorsement expires on this day (default: in a year)</source>
        <translation>La recommandation expire ce jour-là (par défaut : dans un an)</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorse.py" line="91"/>
        <source>&amp;Until:</source>
        <translation>&amp;Jusqu&apos;au :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorse.py" line="97"/>
        <source>What you will say</source>
        <translation>Ce que vous allez dire</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorse.py" line="102"/>
        <source>Preview of the signed document</source>
        <translation>Aperçu du document signé</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorse.py" line="108"/>
        <source>Caution &amp;about them…</source>
        <translation>&amp;Mettre en garde…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorse.py" line="110"/>
        <source>Warn the people who rely on you, with a written reason (not an endorsement)</source>
        <translation>Avertir les personnes qui comptent sur vous, avec une raison écrite (ce n&apos;est pas une recommandation)</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorse.py" line="113"/>
        <source>&amp;Sign endorsement</source>
        <translation>&amp;Signer la recommandation</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorse.py" line="114"/>
        <source>Sign and keep this endorsement</source>
        <translation>Signer et garder cette recommandation</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorse.py" line="171"/>
        <source>Choose a contact or paste a did:key.</source>
        <translation>Choisissez un contact ou collez un did:key.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorse.py" line="173"/>
        <source>Say what the endorsement is for.</source>
        <translation>Dites pour quelle tâche vous recommandez.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorse.py" line="175"/>
        <source>Choose a day after today for “Until”: {date} has passed.</source>
        <translation>Choisissez pour « Jusqu&apos;au » un jour après aujourd&apos;hui : le {date} est passé.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorse.py" line="214"/>
        <source>You will say: &lt;b&gt;I rely on {name} for {task}, {level}, until {until}.&lt;/b&gt;</source>
        <translation>Vous allez dire : &lt;b&gt;je compte sur {name} pour {task}, {level}, jusqu&apos;au {until}.&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorse.py" line="234"/>
        <source>Signed: you rely on {name} {level} for {task}.</source>
        <translation>Signé : vous comptez sur {name} {level} pour {task}.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorse.py" line="243"/>
        <source>Choose a contact or paste a did:key first.</source>
        <translation>Choisissez d&apos;abord un contact ou collez un did:key.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorse.py" line="249"/>
        <source>Your caution was signed.</source>
        <translation>Votre mise en garde est signée.</translation>
    </message>
</context>
<context>
    <name>EndorsementsPage</name>
    <message>
        <location filename="../../app/vouch/gui/pages/endorsements.py" line="40"/>
        <source>Any</source>
        <translation>Tous</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorsements.py" line="119"/>
        <source>Endorsements</source>
        <translation>Recommandations</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorsements.py" line="122"/>
        <source>Whose</source>
        <translation>De qui</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorsements.py" line="123"/>
        <source>Show only statements I made, about me, or by others</source>
        <translation>N&apos;afficher que mes déclarations, celles sur moi ou celles des autres</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorsements.py" line="127"/>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorsements.py" line="128"/>
        <source>Show only statements by or about this person</source>
        <translation>N&apos;afficher que les déclarations de cette personne ou sur elle</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorsements.py" line="142"/>
        <source>Anyone: type a name</source>
        <translation>Tout le monde : tapez un nom</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorsements.py" line="145"/>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorsements.py" line="146"/>
        <source>Show only this task and the tasks under it</source>
        <translation>N&apos;afficher que cette tâche et ses sous-tâches</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorsements.py" line="149"/>
        <source>Any task</source>
        <translation>Toute tâche</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorsements.py" line="151"/>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorsements.py" line="152"/>
        <source>Show only this level</source>
        <translation>N&apos;afficher que ce niveau</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorsements.py" line="155"/>
        <source>caution</source>
        <translation>mise en garde</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorsements.py" line="158"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorsements.py" line="159"/>
        <source>Show only this status</source>
        <translation>N&apos;afficher que cet état</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorsements.py" line="163"/>
        <source>Search names, tasks, comments</source>
        <translation>Chercher des noms, tâches, commentaires</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorsements.py" line="164"/>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorsements.py" line="167"/>
        <source>&amp;Show:</source>
        <translation>&amp;Afficher :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorsements.py" line="168"/>
        <source>&amp;Person:</source>
        <translation>&amp;Personne :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorsements.py" line="169"/>
        <source>Tas&amp;k:</source>
        <translation>Tâc&amp;he :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorsements.py" line="170"/>
        <source>&amp;Level:</source>
        <translation>&amp;Niveau :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorsements.py" line="171"/>
        <source>S&amp;tatus:</source>
        <translation>É&amp;tat :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorsements.py" line="172"/>
        <source>S&amp;earch:</source>
        <translation>Ch&amp;ercher :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorsements.py" line="187"/>
        <source>Endorsements list</source>
        <translation>Liste des recommandations</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorsements.py" line="222"/>
        <source>Verification result</source>
        <translation>Résultat de la vérification</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorsements.py" line="223"/>
        <source>Signed document</source>
        <translation>Document signé</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorsements.py" line="225"/>
        <source>&amp;Revoke…</source>
        <translation>&amp;Révoquer…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorsements.py" line="226"/>
        <source>Withdraw this statement, with a reason</source>
        <translation>Retirer cette déclaration, avec une raison</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorsements.py" line="266"/>
        <source>Me</source>
        <translation>Moi</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorsements.py" line="318"/>
        <source>No statements yet. Endorse someone on the Endorse page, exchange with someone on the Exchange page, or import a file someone sent you (File ▸ Import).</source>
        <translation>Aucune déclaration pour l&apos;instant. Recommandez quelqu&apos;un dans la page Recommander, échangez avec quelqu&apos;un dans la page Échanger, ou importez un fichier qu&apos;on vous a envoyé (Fichier ▸ Importer).</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorsements.py" line="324"/>
        <source>Nothing matches these filters.</source>
        <translation>Rien ne correspond à ces filtres.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/vouch/gui/pages/endorsements.py" line="326"/>
        <source>%Ln statements</source>
        <translation>
            <numerusform>%Ln déclaration</numerusform>
            <numerusform>%Ln déclarations</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorsements.py" line="338"/>
        <source>Select a statement to see the document that was signed.</source>
        <translation>Sélectionnez une déclaration pour voir le document signé.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorsements.py" line="360"/>
        <location filename="../../app/vouch/gui/pages/endorsements.py" line="365"/>
        <source>✗ Not valid: {reason}</source>
        <translation>✗ Non valable : {reason}</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorsements.py" line="363"/>
        <source>✓ Signature verified: this document was signed by its issuer, unchanged.</source>
        <translation>✓ Signature vérifiée : ce document a été signé par son auteur et n&apos;a pas été modifié.</translation>
    </message>
</context>
<context>
    <name>ExchangePage</name>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="89"/>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="90"/>
        <source>Exchange</source>
        <translation>Échanger</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="94"/>
        <source>Swap endorsements with someone next to you (the first time, both screens show the same six digits: compare them before you confirm), or with someone far away through a code you read out to them.</source>
        <translation>Échangez des recommandations avec quelqu&apos;un à côté de vous (la première fois, les deux écrans affichent les mêmes six chiffres : comparez-les avant de confirmer), ou avec quelqu&apos;un au loin grâce à un code que vous lui lisez.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="109"/>
        <source>Failed pairing attempts</source>
        <translation>Tentatives d&apos;appairage échouées</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="122"/>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="137"/>
        <source>Visibility</source>
        <translation>Visibilité</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="124"/>
        <source>Make this wallet &amp;visible nearby</source>
        <translation>Rendre ce portefeuille &amp;visible à proximité</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="125"/>
        <source>Visible to nearby wallets</source>
        <translation>Visible des portefeuilles à proximité</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="128"/>
        <source>Announce this wallet on the local network and accept exchanges for a few minutes. Nothing announced says who you are.</source>
        <translation>Annoncer ce portefeuille sur le réseau local et accepter des échanges pendant quelques minutes. Rien de ce qui est annoncé ne dit qui vous êtes.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="141"/>
        <source>My address</source>
        <translation>Mon adresse</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="142"/>
        <source>The other person can type this address to reach you</source>
        <translation>L&apos;autre personne peut taper cette adresse pour vous joindre</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="145"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="146"/>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="147"/>
        <source>Copy my address</source>
        <translation>Copier mon adresse</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="153"/>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="259"/>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="266"/>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="288"/>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="297"/>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="317"/>
        <source>Not visible.</source>
        <translation>Non visible.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="157"/>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="160"/>
        <source>Nearby wallets</source>
        <translation>Portefeuilles à proximité</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="162"/>
        <source>Wallets made visible on this network; press Enter to exchange</source>
        <translation>Portefeuilles rendus visibles sur ce réseau ; appuyez sur Entrée pour échanger</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="172"/>
        <source>E&amp;xchange with selected</source>
        <translation>É&amp;changer avec la sélection</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="173"/>
        <source>Connect to the selected wallet and exchange</source>
        <translation>Se connecter au portefeuille choisi et échanger</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="179"/>
        <source>Connect by a&amp;ddress:</source>
        <translation>Se connecter par adr&amp;esse :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="181"/>
        <source>host:port, e.g. 192.168.1.20:40123</source>
        <translation>hôte:port, p. ex. 192.168.1.20:40123</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="183"/>
        <source>Address to connect to</source>
        <translation>Adresse à laquelle se connecter</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="186"/>
        <source>When the other wallet does not show up nearby, type the address its screen shows</source>
        <translation>Si l&apos;autre portefeuille n&apos;apparaît pas à proximité, tapez l&apos;adresse affichée sur son écran</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="194"/>
        <source>Co&amp;nnect</source>
        <translation>Co&amp;nnecter</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="195"/>
        <source>Connect to this address and exchange</source>
        <translation>Se connecter à cette adresse et échanger</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="204"/>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="207"/>
        <source>Exchange progress</source>
        <translation>Progression de l&apos;échange</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="211"/>
        <source>Cance&amp;l</source>
        <translation>Ann&amp;uler</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="213"/>
        <source>Drop the connection; what was fully received is kept</source>
        <translation>Couper la connexion ; ce qui a été entièrement reçu est gardé</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="220"/>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="224"/>
        <source>Last exchange</source>
        <translation>Dernier échange</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="222"/>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="274"/>
        <source>Nothing exchanged yet.</source>
        <translation>Rien n&apos;a encore été échangé.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="228"/>
        <source>Why items were refused</source>
        <translation>Pourquoi des éléments ont été refusés</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="293"/>
        <source>Becoming visible…</source>
        <translation>Mise en visibilité…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="312"/>
        <source>Announced nearby as {instance}</source>
        <translation>Annoncé à proximité sous le nom {instance}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/vouch/gui/pages/exchange.py" line="321"/>
        <source>Visibility turned itself off after %n minutes.</source>
        <translation>
            <numerusform>La visibilité s&apos;est désactivée après %n minute.</numerusform>
            <numerusform>La visibilité s&apos;est désactivée après %n minutes.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="338"/>
        <source>Visible. Others can connect to the address shown. Turns off in {countdown_text}.</source>
        <translation>Visible. D&apos;autres peuvent se connecter à l&apos;adresse affichée. Fin dans {countdown_text}.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="351"/>
        <source>{name} at {host}:{port}</source>
        <translation>{name} à {host}:{port}</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="364"/>
        <source>Choose a wallet in the list first.</source>
        <translation>Choisissez d&apos;abord un portefeuille dans la liste.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="397"/>
        <source>Reaching the mailbox server…</source>
        <translation>Connexion au serveur de boîte aux lettres…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="403"/>
        <source>Waiting for the other person…</source>
        <translation>En attente de l&apos;autre personne…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="407"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="431"/>
        <source>Receiving {received} of {expected}; sent {sent}</source>
        <translation>Réception : {received} sur {expected} ; envoyés : {sent}</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="436"/>
        <source>Sending: {sent} sent</source>
        <translation>Envoi : {sent} envoyés</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="467"/>
        <source>Exchange cancelled. Whatever had fully arrived is kept; exchange again for the rest.</source>
        <translation>Échange annulé. Tout ce qui est arrivé en entier est gardé ; échangez à nouveau pour le reste.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="473"/>
        <source>Not paired: the codes did not match. Nothing was exchanged.</source>
        <translation>Pas d&apos;appairage : les codes ne correspondaient pas. Rien n&apos;a été échangé.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="500"/>
        <source>You exchanged with someone through a code you shared. A name for them:</source>
        <translation>Vous avez échangé avec quelqu&apos;un grâce à un code partagé. Un nom pour cette personne :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="504"/>
        <source>You compared codes with someone and exchanged. A name for them (only you will see it):</source>
        <translation>Vous avez comparé les codes avec quelqu&apos;un et échangé. Un nom pour cette personne (vous seul le verrez) :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="510"/>
        <source>Who was that?</source>
        <translation>Qui était-ce ?</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="513"/>
        <source>&amp;Save the name</source>
        <translation>&amp;Enregistrer le nom</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="514"/>
        <source>&amp;Later</source>
        <translation>&amp;Plus tard</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="552"/>
        <source>an unknown wallet</source>
        <translation>un portefeuille inconnu</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="553"/>
        <source>A pairing attempt from {who} failed: {reason}</source>
        <translation>Une tentative d&apos;appairage depuis {who} a échoué : {reason}</translation>
    </message>
</context>
<context>
    <name>ExchangeWords</name>
    <message>
        <location filename="../../app/vouch/gui/exchange_words.py" line="13"/>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/exchange_words.py" line="14"/>
        <source>Securing the connection…</source>
        <translation>Sécurisation de la connexion…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/exchange_words.py" line="15"/>
        <source>Waiting for both of you to compare the code…</source>
        <translation>En attente que vous compariez tous deux le code…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/exchange_words.py" line="18"/>
        <source>Comparing what each wallet holds…</source>
        <translation>Comparaison du contenu des deux portefeuilles…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/exchange_words.py" line="21"/>
        <source>No visible wallets nearby yet. Ask the other person to make their wallet visible, or type the address their screen shows.</source>
        <translation>Aucun portefeuille visible à proximité pour l&apos;instant. Demandez à l&apos;autre personne de rendre son portefeuille visible, ou tapez l&apos;adresse affichée sur son écran.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/exchange_words.py" line="35"/>
        <source>Exchanging…</source>
        <translation>Échange…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/vouch/gui/exchange_words.py" line="44"/>
        <source>%n minutes</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/vouch/gui/exchange_words.py" line="50"/>
        <source>received %n new</source>
        <translation>
            <numerusform>%n nouveau reçu</numerusform>
            <numerusform>%n nouveaux reçus</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/vouch/gui/exchange_words.py" line="52"/>
        <source>%n revocations</source>
        <translation>
            <numerusform>%n révocation</numerusform>
            <numerusform>%n révocations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/vouch/gui/exchange_words.py" line="53"/>
        <source>%n duplicates</source>
        <translation>
            <numerusform>%n doublon</numerusform>
            <numerusform>%n doublons</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/vouch/gui/exchange_words.py" line="54"/>
        <source>%n invalid</source>
        <translation>
            <numerusform>%n non valable</numerusform>
            <numerusform>%n non valables</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/vouch/gui/exchange_words.py" line="56"/>
        <source>&lt;b&gt;Exchanged with {name}&lt;/b&gt; (they connected): {parts}; sent %n items.</source>
        <translation>
            <numerusform>&lt;b&gt;Échange avec {name}&lt;/b&gt; (connexion de sa part) : {parts} ; %n élément envoyé.</numerusform>
            <numerusform>&lt;b&gt;Échange avec {name}&lt;/b&gt; (connexion de sa part) : {parts} ; %n éléments envoyés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/vouch/gui/exchange_words.py" line="63"/>
        <source>&lt;b&gt;Exchanged with {name}&lt;/b&gt; (you connected): {parts}; sent %n items.</source>
        <translation>
            <numerusform>&lt;b&gt;Échange avec {name}&lt;/b&gt; (connexion de votre part) : {parts} ; %n élément envoyé.</numerusform>
            <numerusform>&lt;b&gt;Échange avec {name}&lt;/b&gt; (connexion de votre part) : {parts} ; %n éléments envoyés.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../app/vouch/gui/dialogs/export_dialog.py" line="42"/>
        <source>Export endorsements</source>
        <translation>Exporter des recommandations</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/export_dialog.py" line="49"/>
        <source>Tick everything I gave to</source>
        <translation>Cocher tout ce que j&apos;ai donné à</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/export_dialog.py" line="50"/>
        <source>Tick everything you gave to one person</source>
        <translation>Cocher tout ce que vous avez donné à une personne</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/export_dialog.py" line="51"/>
        <source>(nobody: I tick them below)</source>
        <translation>(personne : je coche ci-dessous)</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/export_dialog.py" line="55"/>
        <source>Tick all I gave &amp;to:</source>
        <translation>Cocher tout ce que j&apos;ai donné &amp;à :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/export_dialog.py" line="58"/>
        <source>Statements to export</source>
        <translation>Déclarations à exporter</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/export_dialog.py" line="62"/>
        <source>{name}: {task}, {level}</source>
        <translation>{name} : {task}, {level}</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/export_dialog.py" line="79"/>
        <source>&amp;Save as file…</source>
        <translation>&amp;Enregistrer dans un fichier…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/export_dialog.py" line="80"/>
        <source>Save a .vouch file to send</source>
        <translation>Enregistrer un fichier .vouch à envoyer</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/export_dialog.py" line="82"/>
        <source>&amp;Copy as text</source>
        <translation>&amp;Copier en texte</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/export_dialog.py" line="84"/>
        <source>Copy the signed bundle as text, to paste in a message</source>
        <translation>Copier le lot signé en texte, à coller dans un message</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/export_dialog.py" line="87"/>
        <source>Show &amp;QR code</source>
        <translation>Afficher le code &amp;QR</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/export_dialog.py" line="89"/>
        <source>Show the bundle as a QR code to scan (small exports only)</source>
        <translation>Afficher le lot sous forme de code QR à scanner (petits exports seulement)</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/export_dialog.py" line="92"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/vouch/gui/dialogs/export_dialog.py" line="138"/>
        <source>%Ln statements ticked.</source>
        <translation>
            <numerusform>%Ln déclaration cochée.</numerusform>
            <numerusform>%Ln déclarations cochées.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/export_dialog.py" line="140"/>
        <source>Tick the statements to export.</source>
        <translation>Cochez les déclarations à exporter.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/export_dialog.py" line="145"/>
        <source>Save endorsements</source>
        <translation>Enregistrer les recommandations</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/export_dialog.py" line="147"/>
        <source>Vouch files (*.vouch)</source>
        <translation>Fichiers Vouch (*.vouch)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/vouch/gui/dialogs/export_dialog.py" line="163"/>
        <source>Saved to {file}: %Ln statements</source>
        <translation>
            <numerusform>Enregistré dans {file} : %Ln déclaration</numerusform>
            <numerusform>Enregistré dans {file} : %Ln déclarations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/vouch/gui/dialogs/export_dialog.py" line="167"/>
        <source>, and %Ln revocations that travel with them so that the other person also learns what you withdrew</source>
        <translation>
            <numerusform>, et %Ln révocation qui les accompagne pour que l&apos;autre personne sache aussi ce que vous avez retiré</numerusform>
            <numerusform>, et %Ln révocations qui les accompagnent pour que l&apos;autre personne sache aussi ce que vous avez retiré</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/export_dialog.py" line="185"/>
        <source>Copied. Paste it into a message to the person.</source>
        <translation>Copié. Collez-le dans un message à la personne.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/export_dialog.py" line="195"/>
        <source>Too much for one QR code ({size} bytes; one code holds about {limit}). Save it as a file instead (the button is ready), or copy it as text, or tick fewer statements.</source>
        <translation>Trop de données pour un seul code QR ({size} octets ; un code en contient environ {limit}). Enregistrez plutôt un fichier (le bouton est prêt), copiez-le en texte, ou cochez moins de déclarations.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/export_dialog.py" line="205"/>
        <source>Let the other person scan this code.</source>
        <translation>Laissez l&apos;autre personne scanner ce code.</translation>
    </message>
</context>
<context>
    <name>FarAwayBox</name>
    <message>
        <location filename="../../app/vouch/gui/widgets/far_away.py" line="77"/>
        <source>Far away</source>
        <translation>À distance</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/far_away.py" line="88"/>
        <source>Sync with someone who is not here: one of you reads a code to the other over the phone or a messenger. The code is the check; there are no digits to compare.</source>
        <translation>Synchronisez avec quelqu&apos;un qui n&apos;est pas là : l&apos;un de vous lit un code à l&apos;autre par téléphone ou messagerie. Le code sert de vérification ; il n&apos;y a pas de chiffres à comparer.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/far_away.py" line="101"/>
        <source>&amp;Invite with a code</source>
        <translation>&amp;Inviter avec un code</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/far_away.py" line="102"/>
        <source>Get a code to read out to the other person</source>
        <translation>Obtenir un code à lire à l&apos;autre personne</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/far_away.py" line="109"/>
        <source>&amp;Enter the code</source>
        <translation>&amp;Saisir le code</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/far_away.py" line="113"/>
        <source>Contact to sync with again</source>
        <translation>Contact avec qui resynchroniser</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/far_away.py" line="115"/>
        <source>Sync &amp;again, no code</source>
        <translation>Resynchroniser, sans c&amp;ode</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/far_away.py" line="117"/>
        <source>Both of you choose this at about the same time: your wallets find each other</source>
        <translation>Choisissez-le tous les deux à peu près en même temps : vos portefeuilles se trouvent</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/far_away.py" line="129"/>
        <source>Code to read out</source>
        <translation>Code à lire</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/far_away.py" line="140"/>
        <source>Waiting for the other person</source>
        <translation>En attente de l&apos;autre personne</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/far_away.py" line="142"/>
        <source>&amp;Copy code</source>
        <translation>&amp;Copier le code</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/far_away.py" line="145"/>
        <source>Stop &amp;waiting</source>
        <translation>Arrêter d&apos;a&amp;ttendre</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/far_away.py" line="182"/>
        <source>Read this code to the other person. Waiting for them…</source>
        <translation>Lisez ce code à l&apos;autre personne. En attente…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/far_away.py" line="186"/>
        <source>the other person</source>
        <translation>l&apos;autre personne</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/far_away.py" line="188"/>
        <source>Waiting for {name}… ask them to choose Sync again with you.</source>
        <translation>En attente de {name}… demandez-lui de choisir Resynchroniser avec vous.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/far_away.py" line="192"/>
        <source>Connecting with the code…</source>
        <translation>Connexion avec le code…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/far_away.py" line="207"/>
        <source>{what}  ({countdown_text} left)</source>
        <translation>{what}  (encore {countdown_text})</translation>
    </message>
</context>
<context>
    <name>FileWindow</name>
    <message>
        <location filename="../../app/vouch/gui/window_files.py" line="31"/>
        <source>Import endorsements</source>
        <translation>Importer des recommandations</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/window_files.py" line="33"/>
        <source>Vouch files (*.vouch);;All files (*)</source>
        <translation>Fichiers Vouch (*.vouch);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/window_files.py" line="44"/>
        <location filename="../../app/vouch/gui/window_files.py" line="55"/>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/window_files.py" line="45"/>
        <source>Could not read {path}: {strerror}.</source>
        <translation>Impossible de lire {path} : {strerror}.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/window_files.py" line="55"/>
        <source>The clipboard is empty.</source>
        <translation>Le presse-papiers est vide.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/window_files.py" line="63"/>
        <source>Unlock the wallet to preview the import.</source>
        <translation>Déverrouillez le portefeuille pour voir l&apos;aperçu de l&apos;import.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/window_files.py" line="86"/>
        <source>Recovery share</source>
        <translation>Part de récupération</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/window_files.py" line="91"/>
        <source>You already keep this recovery share for {name}.</source>
        <translation>Vous gardez déjà cette part de récupération pour {name}.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/window_files.py" line="94"/>
        <source>You now keep a recovery share for {name} ({needed} needed to recover). Keep this wallet backed up: they may ask you for it one day.</source>
        <translation>Vous gardez désormais une part de récupération pour {name} ({needed} nécessaires pour récupérer). Sauvegardez ce portefeuille : cette personne pourra vous la demander un jour.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/window_files.py" line="106"/>
        <source>Import done</source>
        <translation>Import terminé</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/window_files.py" line="134"/>
        <source>Back up the wallet</source>
        <translation>Sauvegarder le portefeuille</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/window_files.py" line="136"/>
        <source>Vouch backups (*.vouchbackup);;All files (*)</source>
        <translation>Sauvegardes Vouch (*.vouchbackup);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/window_files.py" line="142"/>
        <source>Backing up the wallet…</source>
        <translation>Sauvegarde du portefeuille…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/window_files.py" line="151"/>
        <source>Backed up to {path}. It opens with the passphrase you use now.</source>
        <translation>Sauvegardé dans {path}. Elle s&apos;ouvre avec la phrase de passe que vous utilisez maintenant.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/window_files.py" line="161"/>
        <source>Back up</source>
        <translation>Sauvegarder</translation>
    </message>
</context>
<context>
    <name>FindPage</name>
    <message>
        <location filename="../../app/vouch/gui/pages/find.py" line="48"/>
        <source>Find someone for a task</source>
        <translation>Trouver quelqu&apos;un pour une tâche</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/find.py" line="52"/>
        <source>Type a task: Vouch ranks the people your endorsements lead to, from your own point of view, and shows why.</source>
        <translation>Tapez une tâche : Vouch classe les personnes auxquelles mènent vos recommandations, de votre propre point de vue, et montre pourquoi.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/find.py" line="61"/>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/find.py" line="62"/>
        <source>The task to search for, e.g. plumbing</source>
        <translation>La tâche à chercher, p. ex. plomberie</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/find.py" line="65"/>
        <source>e.g. plumbing</source>
        <translation>p. ex. plomberie</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/find.py" line="73"/>
        <source>&amp;Search</source>
        <translation>&amp;Chercher</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/find.py" line="75"/>
        <source>&amp;Task:</source>
        <translation>&amp;Tâche :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/find.py" line="81"/>
        <source>Searching</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/find.py" line="89"/>
        <source>People found</source>
        <translation>Personnes trouvées</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/find.py" line="91"/>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/find.py" line="91"/>
        <source>I could rely on them</source>
        <translation>Je pourrais compter sur elles</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/find.py" line="91"/>
        <source>How</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/find.py" line="106"/>
        <source>Cautions</source>
        <translation>Mises en garde</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/find.py" line="146"/>
        <source>Type a task to search for.</source>
        <translation>Tapez une tâche à chercher.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/vouch/gui/pages/find.py" line="191"/>
        <source>%n cautions</source>
        <translation>
            <numerusform>%n mise en garde</numerusform>
            <numerusform>%n mises en garde</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/vouch/gui/pages/find.py" line="203"/>
        <source>%n people for “{task}”.</source>
        <translation>
            <numerusform>%n personne pour « {task} ».</numerusform>
            <numerusform>%n personnes pour « {task} ».</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/find.py" line="206"/>
        <source>Nobody you rely on (directly or through others) for that task.</source>
        <translation>Personne sur qui vous comptez (directement ou par d&apos;autres) pour cette tâche.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/find.py" line="208"/>
        <source>Did you mean {tasks}?</source>
        <translation>Vouliez-vous dire {tasks} ?</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/find.py" line="209"/>
        <source> or </source>
        <translation> ou </translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/find.py" line="216"/>
        <source>⚠ You caution about {subject} for {task}: {reason}</source>
        <translation>⚠ Vous mettez en garde contre {subject} pour {task} : {reason}</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/find.py" line="217"/>
        <source>⚠ {issuer} cautions about {subject} for {task}: {reason}</source>
        <translation>⚠ {issuer} met en garde contre {subject} pour {task} : {reason}</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/find.py" line="221"/>
        <source>I endorsed them</source>
        <translation>Je l&apos;ai recommandée</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/vouch/gui/pages/find.py" line="227"/>
        <source>through {name} and %n more</source>
        <translation>
            <numerusform>par {name} et %n autre</numerusform>
            <numerusform>par {name} et %n autres</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/find.py" line="228"/>
        <source>through {name}</source>
        <translation>par {name}</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/find.py" line="244"/>
        <source>&lt;b&gt;Why {name}&lt;/b&gt;: you could rely on them {level} for {task}.</source>
        <translation>&lt;b&gt;Pourquoi {name}&lt;/b&gt; : vous pourriez compter sur cette personne {level} pour {task}.</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <location filename="../../app/vouch/gui/pages/first_run.py" line="101"/>
        <location filename="../../app/vouch/gui/pages/first_run.py" line="122"/>
        <source>Your wallet will be kept in {home}.</source>
        <translation>Votre portefeuille sera gardé dans {home}.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/first_run.py" line="113"/>
        <source>Welcome to Vouch</source>
        <translation>Bienvenue dans Vouch</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/first_run.py" line="115"/>
        <source>Vouch keeps the endorsements you give and receive on this computer, signed with a key that only you hold.</source>
        <translation>Vouch garde sur cet ordinateur les recommandations que vous donnez et recevez, signées avec une clé que vous seul détenez.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/first_run.py" line="124"/>
        <source>&amp;Create a new wallet</source>
        <translation>&amp;Créer un nouveau portefeuille</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/first_run.py" line="126"/>
        <source>Make a new identity and a wallet protected by a passphrase</source>
        <translation>Créer une nouvelle identité et un portefeuille protégé par une phrase de passe</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/first_run.py" line="129"/>
        <source>&amp;Restore from a recovery phrase</source>
        <translation>&amp;Restaurer depuis une phrase de récupération</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/first_run.py" line="130"/>
        <source>Bring back your identity from its 24 words</source>
        <translation>Retrouver votre identité à partir de ses 24 mots</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/first_run.py" line="132"/>
        <source>Restore a &amp;backup…</source>
        <translation>Restaurer une &amp;sauvegarde…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/first_run.py" line="133"/>
        <source>Bring back a whole wallet from a .vouchbackup file</source>
        <translation>Retrouver un portefeuille entier depuis un fichier .vouchbackup</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/first_run.py" line="135"/>
        <source>&amp;Link to my other device…</source>
        <translation>&amp;Lier à mon autre appareil…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/first_run.py" line="137"/>
        <source>This is an existing identity: bring it and its wallet from your other device</source>
        <translation>C&apos;est une identité existante : la faire venir, avec son portefeuille, de votre autre appareil</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/first_run.py" line="140"/>
        <source>Recover &amp;with my guardians…</source>
        <translation>Récupérer a&amp;vec mes gardiens…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/first_run.py" line="142"/>
        <source>Get your identity back from the people who each hold a share of it</source>
        <translation>Retrouver votre identité grâce aux personnes qui en gardent chacune une part</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/first_run.py" line="145"/>
        <source>&amp;Open an existing wallet folder…</source>
        <translation>&amp;Ouvrir un dossier de portefeuille existant…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/first_run.py" line="146"/>
        <source>Use a wallet kept in another folder</source>
        <translation>Utiliser un portefeuille gardé dans un autre dossier</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/first_run.py" line="165"/>
        <source>Restore your identity</source>
        <translation>Restaurer votre identité</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/first_run.py" line="166"/>
        <source>Type the 24 words of your recovery phrase, in order.</source>
        <translation>Tapez les 24 mots de votre phrase de récupération, dans l&apos;ordre.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/first_run.py" line="169"/>
        <source>Recovery phrase</source>
        <translation>Phrase de récupération</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/first_run.py" line="174"/>
        <source>&amp;Next</source>
        <translation>&amp;Suivant</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/first_run.py" line="181"/>
        <source>Choose a passphrase</source>
        <translation>Choisir une phrase de passe</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/first_run.py" line="183"/>
        <source>It protects the wallet on this computer. Several unrelated words are strong and easy to remember. If you forget it, only your recovery phrase can bring the identity back.</source>
        <translation>Elle protège le portefeuille sur cet ordinateur. Plusieurs mots sans rapport entre eux sont solides et faciles à retenir. Si vous l&apos;oubliez, seule votre phrase de récupération peut retrouver l&apos;identité.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/first_run.py" line="188"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Phrase de passe :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/first_run.py" line="188"/>
        <source>&amp;Again:</source>
        <translation>&amp;Encore :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/first_run.py" line="193"/>
        <source>Creating the wallet</source>
        <translation>Création du portefeuille</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/first_run.py" line="198"/>
        <source>&amp;Create wallet</source>
        <translation>&amp;Créer le portefeuille</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/first_run.py" line="205"/>
        <source>Your recovery phrase</source>
        <translation>Votre phrase de récupération</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/first_run.py" line="207"/>
        <source>Write these 24 words on paper, in order, and keep them somewhere safe. They are the only way to restore your identity. Vouch shows them only now.</source>
        <translation>Écrivez ces 24 mots sur papier, dans l&apos;ordre, et gardez-les en lieu sûr. Ils sont le seul moyen de restaurer votre identité. Vouch ne les affiche que maintenant.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/first_run.py" line="220"/>
        <source>I have &amp;written it down</source>
        <translation>Je l&apos;ai &amp;notée</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/first_run.py" line="227"/>
        <source>Check your copy</source>
        <translation>Vérifier votre copie</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/first_run.py" line="227"/>
        <source>Type these words from your recovery phrase.</source>
        <translation>Tapez ces mots de votre phrase de récupération.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/first_run.py" line="243"/>
        <source>&amp;Show the phrase again</source>
        <translation>&amp;Revoir la phrase</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/first_run.py" line="245"/>
        <source>&amp;Check</source>
        <translation>&amp;Vérifier</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/first_run.py" line="257"/>
        <source>&amp;Back</source>
        <translation>&amp;Retour</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/first_run.py" line="281"/>
        <source>&lt;b&gt;{n:2d}.&lt;/b&gt; {word}</source>
        <translation>&lt;b&gt;{n:2d}.&lt;/b&gt; {word}</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/first_run.py" line="287"/>
        <source>Word #{value}:</source>
        <translation>Mot n° {value} :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/first_run.py" line="288"/>
        <source>Word number {value}</source>
        <translation>Mot numéro {value}</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/first_run.py" line="305"/>
        <source>Open a wallet folder</source>
        <translation>Ouvrir un dossier de portefeuille</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/first_run.py" line="312"/>
        <source>There is no Vouch wallet in {path}.</source>
        <translation>Il n&apos;y a pas de portefeuille Vouch dans {path}.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/first_run.py" line="334"/>
        <source>Opening the linked wallet…</source>
        <translation>Ouverture du portefeuille relié…</translation>
    </message>
</context>
<context>
    <name>FlowWords</name>
    <message>
        <location filename="../../app/vouch/gui/flow_words.py" line="16"/>
        <source>Very weak</source>
        <translation>Très faible</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/flow_words.py" line="17"/>
        <source>Weak</source>
        <translation>Faible</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/flow_words.py" line="18"/>
        <source>Fair</source>
        <translation>Passable</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/flow_words.py" line="19"/>
        <source>Good</source>
        <translation>Bonne</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/flow_words.py" line="20"/>
        <source>Strong</source>
        <translation>Solide</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/flow_words.py" line="21"/>
        <source>Choose a passphrase of at least 8 characters.</source>
        <translation>Choisissez une phrase de passe d&apos;au moins 8 caractères.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/flow_words.py" line="22"/>
        <source>That is one of the first passphrases anyone would try.</source>
        <translation>C&apos;est l&apos;une des premières phrases de passe que n&apos;importe qui essaierait.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/flow_words.py" line="23"/>
        <source>Use at least 8 characters.</source>
        <translation>Utilisez au moins 8 caractères.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/flow_words.py" line="24"/>
        <source>Too easy to guess: make it longer, or use a few unrelated words.</source>
        <translation>Trop facile à deviner : allongez-la, ou utilisez quelques mots sans rapport.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/flow_words.py" line="27"/>
        <source>Weak: add a few more words or characters.</source>
        <translation>Faible : ajoutez quelques mots ou caractères.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/flow_words.py" line="28"/>
        <source>Fair: a little longer would make it much harder to guess.</source>
        <translation>Passable : un peu plus longue, elle serait bien plus difficile à deviner.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/flow_words.py" line="29"/>
        <source>Good.</source>
        <translation>Bonne.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/flow_words.py" line="30"/>
        <source>Strong.</source>
        <translation>Solide.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/flow_words.py" line="31"/>
        <source>Weak: several words make a passphrase both strong and memorable.</source>
        <translation>Faible : plusieurs mots rendent une phrase de passe à la fois solide et facile à retenir.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/flow_words.py" line="34"/>
        <source>Fair: several words make a passphrase both strong and memorable.</source>
        <translation>Passable : plusieurs mots rendent une phrase de passe à la fois solide et facile à retenir.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/flow_words.py" line="37"/>
        <source>Good: several words make a passphrase both strong and memorable.</source>
        <translation>Bonne : plusieurs mots rendent une phrase de passe à la fois solide et facile à retenir.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/flow_words.py" line="40"/>
        <source>Strong: several words make a passphrase both strong and memorable.</source>
        <translation>Solide : plusieurs mots rendent une phrase de passe à la fois solide et facile à retenir.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/flow_words.py" line="43"/>
        <source>The two passphrases are not the same.</source>
        <translation>Les deux phrases de passe ne sont pas identiques.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/flow_words.py" line="44"/>
        <source>Type the 24 words of your recovery phrase.</source>
        <translation>Tapez les 24 mots de votre phrase de récupération.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/flow_words.py" line="45"/>
        <source>After 1 minute</source>
        <translation>Après 1 minute</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/flow_words.py" line="46"/>
        <source>After 5 minutes</source>
        <translation>Après 5 minutes</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/flow_words.py" line="47"/>
        <source>After 15 minutes</source>
        <translation>Après 15 minutes</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/flow_words.py" line="48"/>
        <source>After 30 minutes</source>
        <translation>Après 30 minutes</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/flow_words.py" line="49"/>
        <source>After 1 hour</source>
        <translation>Après 1 heure</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/flow_words.py" line="50"/>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/flow_words.py" line="60"/>
        <source>for small things</source>
        <translation>pour les petites choses</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/flow_words.py" line="61"/>
        <source>for most things</source>
        <translation>pour la plupart des choses</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/flow_words.py" line="62"/>
        <source>strongly</source>
        <translation>fortement</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/flow_words.py" line="63"/>
        <source>completely</source>
        <translation>entièrement</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/flow_words.py" line="66"/>
        <source>valid</source>
        <translation>valable</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/flow_words.py" line="67"/>
        <source>not yet valid</source>
        <translation>pas encore valable</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/flow_words.py" line="68"/>
        <source>expired</source>
        <translation>expirée</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/flow_words.py" line="69"/>
        <source>revoked</source>
        <translation>révoquée</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/flow_words.py" line="71"/>
        <source>caution</source>
        <translation>mise en garde</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/flow_words.py" line="72"/>
        <source>barely</source>
        <translation>à peine</translation>
    </message>
</context>
<context>
    <name>GettingStartedDialog</name>
    <message>
        <location filename="../../app/vouch/gui/dialogs/help.py" line="82"/>
        <location filename="../../app/vouch/gui/dialogs/help.py" line="107"/>
        <source>Getting started</source>
        <translation>Premiers pas</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/help.py" line="87"/>
        <source>&lt;h3&gt;Getting started with Vouch&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Me&lt;/b&gt;: give people your identifier (or let them scan its QR code). When you meet, read your safety codes aloud to each other.&lt;/li&gt;&lt;li&gt;&lt;b&gt;People&lt;/b&gt;: add the people you know, from the identifier they gave you. The name you give them is seen only by you.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Endorse&lt;/b&gt;: say how much you rely on someone for one task, such as plumbing. You can revoke it at any time.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Exchange&lt;/b&gt;: swap endorsements with someone next to you, or far away with a code you read out. Or send a file (File ▸ Export).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Find&lt;/b&gt;: type a task to see whom you could rely on for it, through the people you trust, and why.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Write down your recovery phrase (Me ▸ Show recovery phrase) and turn on automatic backups in Settings: the phrase brings back who you are, a backup brings back your endorsements too.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Premiers pas avec Vouch&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Moi&lt;/b&gt; : donnez votre identifiant (ou laissez scanner son code QR). Quand vous vous voyez, lisez-vous vos codes de sécurité à voix haute.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Personnes&lt;/b&gt; : ajoutez les personnes que vous connaissez, à partir de l&apos;identifiant qu&apos;elles vous ont donné. Le nom que vous leur donnez n&apos;est visible que par vous.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Recommander&lt;/b&gt; : dites à quel point vous comptez sur quelqu&apos;un pour une tâche, comme la plomberie. Vous pouvez révoquer à tout moment.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Échanger&lt;/b&gt; : échangez des recommandations avec quelqu&apos;un à côté de vous, ou au loin avec un code que vous lisez. Ou envoyez un fichier (Fichier ▸ Exporter).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Trouver&lt;/b&gt; : tapez une tâche pour voir sur qui vous pourriez compter, par les personnes en qui vous avez confiance, et pourquoi.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Notez votre phrase de récupération (Moi ▸ Afficher la phrase de récupération) et activez les sauvegardes automatiques dans Réglages : la phrase ramène qui vous êtes, une sauvegarde ramène aussi vos recommandations.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>GuardiansPanel</name>
    <message>
        <location filename="../../app/vouch/gui/widgets/guardians.py" line="46"/>
        <source>Choose people you trust who do not know each other. Each gets one share of your identity; any number you choose of them can give it back to you if you lose this device and your recovery phrase.</source>
        <translation>Choisissez des personnes de confiance qui ne se connaissent pas. Chacune reçoit une part de votre identité ; le nombre d&apos;entre elles que vous choisissez peut vous la rendre si vous perdez cet appareil et votre phrase de récupération.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/guardians.py" line="54"/>
        <source>Contacts who may be guardians</source>
        <translation>Contacts qui peuvent être gardiens</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/guardians.py" line="58"/>
        <source>Guardians &amp;needed to recover:</source>
        <translation>Gardiens &amp;nécessaires pour récupérer :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/guardians.py" line="60"/>
        <source>Guardians needed to recover</source>
        <translation>Gardiens nécessaires pour récupérer</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/guardians.py" line="67"/>
        <source>Hand o&amp;ut shares…</source>
        <translation>&amp;Distribuer les parts…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/guardians.py" line="72"/>
        <source>A share, once given, cannot be taken back: handing out new shares does not make earlier ones useless. If guardians may be compromised, make a new identity instead.</source>
        <translation>Une part donnée ne peut pas être reprise : distribuer de nouvelles parts ne rend pas les anciennes inutiles. Si des gardiens peuvent être compromis, créez plutôt une nouvelle identité.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/guardians.py" line="82"/>
        <source>Shares handed out</source>
        <translation>Parts distribuées</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/guardians.py" line="83"/>
        <source>Shares handed out:</source>
        <translation>Parts distribuées :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/guardians.py" line="105"/>
        <source>{when}: {k} of {n}: {names}</source>
        <translation>{when} : {k} sur {n} : {names}</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/guardians.py" line="132"/>
        <source>of {n} chosen</source>
        <translation>sur {n} choisis</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/guardians.py" line="139"/>
        <source>Choose a folder for the share files</source>
        <translation>Choisissez un dossier pour les fichiers de parts</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/guardians.py" line="151"/>
        <source>Wrote {n} share files to {folder}. Give each person their own file; it opens only in their wallet.</source>
        <translation>{n} fichiers de parts écrits dans {folder}. Donnez à chaque personne son propre fichier ; il ne s&apos;ouvre que dans son portefeuille.</translation>
    </message>
</context>
<context>
    <name>HelpRecoverDialog</name>
    <message>
        <location filename="../../app/vouch/gui/dialogs/help_recover.py" line="32"/>
        <source>Help someone recover</source>
        <translation>Aider quelqu&apos;un à récupérer son identité</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/help_recover.py" line="36"/>
        <source>Paste the request they sent you (vouch:recover:…).</source>
        <translation>Collez la demande que la personne vous a envoyée (vouch:recover:…).</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/help_recover.py" line="38"/>
        <source>Recovery request</source>
        <translation>Demande de récupération</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/help_recover.py" line="45"/>
        <source>Check words</source>
        <translation>Mots de contrôle</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/help_recover.py" line="51"/>
        <source>Anyone can make a request in someone&apos;s name. Call them or meet them, and ask them to read you the check words on their screen. Answer only if it is really them and the words are the same.</source>
        <translation>N&apos;importe qui peut faire une demande au nom de quelqu&apos;un. Appelez la personne ou rencontrez-la, et demandez-lui de vous lire les mots de contrôle affichés sur son écran. Ne répondez que si c&apos;est vraiment elle et que les mots sont les mêmes.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/help_recover.py" line="57"/>
        <source>I &amp;heard them read these words, by voice or in person</source>
        <translation>Je l&apos;ai &amp;entendue lire ces mots, au téléphone ou en personne</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/help_recover.py" line="63"/>
        <source>&amp;Save the answer…</source>
        <translation>&amp;Enregistrer la réponse…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/help_recover.py" line="86"/>
        <source>{name} asks for help to recover their identity.</source>
        <translation>{name} demande de l&apos;aide pour récupérer son identité.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/help_recover.py" line="101"/>
        <source>Save the answer</source>
        <translation>Enregistrer la réponse</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/help_recover.py" line="103"/>
        <source>Recovery answers (*.vouchanswer);;All files (*)</source>
        <translation>Réponses de récupération (*.vouchanswer);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/help_recover.py" line="114"/>
        <source>Saved. Send {file} to them; it opens only on the device that asked.</source>
        <translation>Enregistré. Envoyez-lui {file} ; il ne s&apos;ouvre que sur l&apos;appareil qui a fait la demande.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../app/vouch/gui/dialogs/import_dialog.py" line="39"/>
        <source>Import endorsements</source>
        <translation>Importer des recommandations</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/import_dialog.py" line="42"/>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/import_dialog.py" line="45"/>
        <source>Import summary</source>
        <translation>Résumé de l&apos;import</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/import_dialog.py" line="48"/>
        <source>What the import contains</source>
        <translation>Contenu de l&apos;import</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/import_dialog.py" line="50"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/import_dialog.py" line="50"/>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/import_dialog.py" line="50"/>
        <source>About</source>
        <translation>Sur</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/import_dialog.py" line="50"/>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/import_dialog.py" line="50"/>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/import_dialog.py" line="63"/>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/import_dialog.py" line="68"/>
        <source>&amp;Details</source>
        <translation>&amp;Détails</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/import_dialog.py" line="70"/>
        <source>What exactly is wrong with this file</source>
        <translation>Ce qui ne va pas exactement dans ce fichier</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/import_dialog.py" line="77"/>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/import_dialog.py" line="82"/>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/import_dialog.py" line="84"/>
        <source>Keep the new endorsements and revocations</source>
        <translation>Garder les nouvelles recommandations et révocations</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/import_dialog.py" line="121"/>
        <source>someone unknown (unsigned)</source>
        <translation>quelqu&apos;un d&apos;inconnu (non signé)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/vouch/gui/dialogs/import_dialog.py" line="123"/>
        <source>%Ln new</source>
        <translation>
            <numerusform>%Ln nouvelle</numerusform>
            <numerusform>%Ln nouvelles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/vouch/gui/dialogs/import_dialog.py" line="125"/>
        <location filename="../../app/vouch/gui/dialogs/import_dialog.py" line="222"/>
        <source>%Ln revocations</source>
        <translation>
            <numerusform>%Ln révocation</numerusform>
            <numerusform>%Ln révocations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/vouch/gui/dialogs/import_dialog.py" line="126"/>
        <location filename="../../app/vouch/gui/dialogs/import_dialog.py" line="224"/>
        <source>%Ln already known</source>
        <translation>
            <numerusform>%Ln déjà connue</numerusform>
            <numerusform>%Ln déjà connues</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/vouch/gui/dialogs/import_dialog.py" line="128"/>
        <source>%Ln refused</source>
        <translation>
            <numerusform>%Ln refusée</numerusform>
            <numerusform>%Ln refusées</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/import_dialog.py" line="130"/>
        <source>From &lt;b&gt;{who}&lt;/b&gt;: {parts}.</source>
        <translation>De &lt;b&gt;{who}&lt;/b&gt; : {parts}.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/import_dialog.py" line="134"/>
        <source>Nothing new to import.</source>
        <translation>Rien de nouveau à importer.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/import_dialog.py" line="135"/>
        <location filename="../../app/vouch/gui/dialogs/import_dialog.py" line="183"/>
        <location filename="../../app/vouch/gui/dialogs/import_dialog.py" line="211"/>
        <location filename="../../app/vouch/gui/dialogs/import_dialog.py" line="239"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/import_dialog.py" line="141"/>
        <source>{title} ({count})</source>
        <translation>{title} ({count})</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/import_dialog.py" line="149"/>
        <source>New</source>
        <translation>Nouvelles</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/import_dialog.py" line="162"/>
        <source>… and {value}</source>
        <translation>… et {value} de plus</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/import_dialog.py" line="167"/>
        <source>Revocations</source>
        <translation>Révocations</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/import_dialog.py" line="172"/>
        <source>Refused</source>
        <translation>Refusées</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/import_dialog.py" line="182"/>
        <source>Nothing was imported.</source>
        <translation>Rien n&apos;a été importé.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/vouch/gui/dialogs/import_dialog.py" line="220"/>
        <source>%Ln new statements</source>
        <translation>
            <numerusform>%Ln nouvelle déclaration</numerusform>
            <numerusform>%Ln nouvelles déclarations</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/import_dialog.py" line="225"/>
        <source>Imported: {parts}.</source>
        <translation>Importé : {parts}.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/import_dialog.py" line="232"/>
        <source>Stopping…</source>
        <translation>Arrêt…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/import_dialog.py" line="240"/>
        <source>Import cancelled; nothing was changed.</source>
        <translation>Import annulé ; rien n&apos;a été modifié.</translation>
    </message>
</context>
<context>
    <name>InlineMessage</name>
    <message>
        <location filename="../../app/vouch/gui/messages.py" line="67"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>JoinDeviceDialog</name>
    <message>
        <location filename="../../app/vouch/gui/dialogs/link_device.py" line="187"/>
        <source>Link to my other device</source>
        <translation>Me lier à mon autre appareil</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/link_device.py" line="195"/>
        <source>On the device that has your wallet, choose Settings › My devices › Link another device, and type the code it shows here. This device gets your identity and everything in the wallet; choose a passphrase for it.</source>
        <translation>Sur l&apos;appareil qui a votre portefeuille, choisissez Réglages › Mes appareils › Lier un autre appareil, et tapez ici le code qu&apos;il affiche. Cet appareil reçoit votre identité et tout le contenu du portefeuille ; choisissez-lui une phrase de passe.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/link_device.py" line="202"/>
        <source>for example 5-ragtime-crusade-tonic</source>
        <translation>par exemple 5-ragtime-crusade-tonic</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/link_device.py" line="208"/>
        <source>C&amp;ode:</source>
        <translation>C&amp;ode :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/link_device.py" line="209"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Phrase de passe :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/link_device.py" line="210"/>
        <source>R&amp;epeat it:</source>
        <translation>R&amp;épétez-la :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/link_device.py" line="211"/>
        <source>Code from the other device</source>
        <translation>Code de l&apos;autre appareil</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/link_device.py" line="212"/>
        <source>Passphrase for this device</source>
        <translation>Phrase de passe pour cet appareil</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/link_device.py" line="213"/>
        <source>Passphrase again</source>
        <translation>Phrase de passe encore</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/link_device.py" line="223"/>
        <source>&amp;Link</source>
        <translation>&amp;Lier</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/link_device.py" line="240"/>
        <source>The two passphrases differ.</source>
        <translation>Les deux phrases de passe diffèrent.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/link_device.py" line="243"/>
        <source>Type the code the other device shows.</source>
        <translation>Tapez le code affiché par l&apos;autre appareil.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/link_device.py" line="251"/>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/link_device.py" line="264"/>
        <source>Safety code: {code}</source>
        <translation>Code de sécurité : {code}</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/link_device.py" line="267"/>
        <source>Check that the other device shows the same safety code, and confirm there.</source>
        <translation>Vérifiez que l&apos;autre appareil affiche le même code de sécurité, et confirmez là-bas.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/link_device.py" line="282"/>
        <source>Your identity arrived, but the first sync did not finish ({reason}). Unlock, then sync with your other device to bring the rest.</source>
        <translation>Votre identité est arrivée, mais la première synchronisation n&apos;a pas abouti ({reason}). Déverrouillez, puis synchronisez avec votre autre appareil pour obtenir le reste.</translation>
    </message>
</context>
<context>
    <name>LinkDevice</name>
    <message>
        <location filename="../../app/vouch/gui/dialogs/link_device.py" line="51"/>
        <source>Working</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/link_device.py" line="61"/>
        <source>Linked with {name}: {sent} sent, {received} new received.</source>
        <translation>Relié à {name} : {sent} envoyés, {received} nouveaux reçus.</translation>
    </message>
</context>
<context>
    <name>LinkDeviceDialog</name>
    <message>
        <location filename="../../app/vouch/gui/dialogs/link_device.py" line="74"/>
        <source>Link another device</source>
        <translation>Lier un autre appareil</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/link_device.py" line="81"/>
        <source>The other device will hold your identity and everything in this wallet. On it, choose “Link to my other device” on the first screen and type the code below.</source>
        <translation>L&apos;autre appareil détiendra votre identité et tout le contenu de ce portefeuille. Sur celui-ci, choisissez « Me lier à mon autre appareil » sur le premier écran et tapez le code ci-dessous.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/link_device.py" line="87"/>
        <source>Code to type on the other device</source>
        <translation>Code à taper sur l&apos;autre appareil</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/link_device.py" line="88"/>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/link_device.py" line="94"/>
        <source>Opening a code…</source>
        <translation>Ouverture d&apos;un code…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/link_device.py" line="99"/>
        <source>Safety code</source>
        <translation>Code de sécurité</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/link_device.py" line="100"/>
        <source>Does the other device show this safety code?</source>
        <translation>L&apos;autre appareil affiche-t-il ce code de sécurité ?</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/link_device.py" line="103"/>
        <source>They &amp;match</source>
        <translation>Ils &amp;correspondent</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/link_device.py" line="104"/>
        <source>They &amp;differ</source>
        <translation>Ils &amp;diffèrent</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/link_device.py" line="148"/>
        <source>Waiting for the other device (up to 10 minutes)…</source>
        <translation>En attente de l&apos;autre appareil (jusqu&apos;à 10 minutes)…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/link_device.py" line="151"/>
        <source>Safety code: {code}</source>
        <translation>Code de sécurité : {code}</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/link_device.py" line="155"/>
        <source>Your identity is sent only if the two codes match.</source>
        <translation>Votre identité n&apos;est envoyée que si les deux codes correspondent.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/link_device.py" line="159"/>
        <source>Linking…</source>
        <translation>Liaison…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/link_device.py" line="159"/>
        <source>Stopping…</source>
        <translation>Arrêt…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/vouch/gui/main_window.py" line="96"/>
        <source>Vouch</source>
        <translation>Vouch</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/main_window.py" line="200"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/main_window.py" line="201"/>
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/main_window.py" line="205"/>
        <source>Import from &amp;Clipboard</source>
        <translation>Importer depuis le &amp;presse-papiers</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/main_window.py" line="207"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/main_window.py" line="210"/>
        <source>Back &amp;up…</source>
        <translation>&amp;Sauvegarder…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/main_window.py" line="213"/>
        <source>Write the whole wallet to one encrypted file</source>
        <translation>Écrire tout le portefeuille dans un fichier chiffré</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/main_window.py" line="216"/>
        <source>&amp;Lock</source>
        <translation>&amp;Verrouiller</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/main_window.py" line="216"/>
        <source>Lock the wallet now</source>
        <translation>Verrouiller le portefeuille maintenant</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/main_window.py" line="219"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/main_window.py" line="230"/>
        <source>&amp;Go</source>
        <translation>A&amp;ller</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/main_window.py" line="245"/>
        <source>Exchange with someone nearby ({EXCHANGE_SHORTCUT})</source>
        <translation>Échanger avec quelqu&apos;un à proximité ({EXCHANGE_SHORTCUT})</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/main_window.py" line="250"/>
        <source>&amp;Find People for a Task…</source>
        <translation>&amp;Trouver des personnes pour une tâche…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/main_window.py" line="255"/>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/main_window.py" line="256"/>
        <source>&amp;Getting Started</source>
        <translation>&amp;Premiers pas</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/main_window.py" line="258"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/main_window.py" line="263"/>
        <source>&amp;About Vouch</source>
        <translation>À &amp;propos de Vouch</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/main_window.py" line="290"/>
        <source>Locked</source>
        <translation>Verrouillé</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/main_window.py" line="294"/>
        <source>Welcome</source>
        <translation>Bienvenue</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/main_window.py" line="303"/>
        <source>Your wallet</source>
        <translation>Votre portefeuille</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/main_window.py" line="304"/>
        <source>Wallet “{name}”</source>
        <translation>Portefeuille « {name} »</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/main_window.py" line="330"/>
        <source>Your identity is back</source>
        <translation>Votre identité est de retour</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/main_window.py" line="332"/>
        <source>Your identity is restored: people who endorsed you will recognise you again.

Endorsements are not in the recovery phrase. To get them back, restore a backup file if you have one (choose “Restore a backup” on the welcome screen), or exchange with your contacts again on the Exchange page: each exchange brings back what they gave you and what they hold from you.</source>
        <translation>Votre identité est restaurée : les personnes qui vous ont recommandé vous reconnaîtront.

Les recommandations ne sont pas dans la phrase de récupération. Pour les retrouver, restaurez une sauvegarde si vous en avez une (choisissez « Restaurer une sauvegarde » sur l&apos;écran d&apos;accueil), ou échangez à nouveau avec vos contacts dans la page Échanger : chaque échange ramène ce qu&apos;ils vous ont donné et ce qu&apos;ils détiennent de vous.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/main_window.py" line="378"/>
        <source>Restore</source>
        <translation>Restauration</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/main_window.py" line="415"/>
        <source>Unlock the wallet to see this person.</source>
        <translation>Déverrouillez le portefeuille pour voir cette personne.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/main_window.py" line="443"/>
        <source>About Vouch</source>
        <translation>À propos de Vouch</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/main_window.py" line="445"/>
        <source>&lt;b&gt;Vouch {version}&lt;/b&gt;&lt;p&gt;Signed, scoped endorsements of the people you rely on, kept on your own computer. Trust is computed from your own point of view, with explanations.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Vouch {version}&lt;/b&gt;&lt;p&gt;Des recommandations signées, par tâche, des personnes sur qui vous comptez, gardées sur votre propre ordinateur. La confiance est calculée de votre propre point de vue, avec des explications.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Me</name>
    <message>
        <location filename="../../app/vouch/gui/pages/me.py" line="30"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
</context>
<context>
    <name>MePage</name>
    <message>
        <location filename="../../app/vouch/gui/pages/me.py" line="42"/>
        <location filename="../../app/vouch/gui/pages/me.py" line="43"/>
        <source>Me</source>
        <translation>Moi</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/me.py" line="47"/>
        <source>Give people your identifier (or let them scan the code) so they can endorse you. Compare the safety code aloud when you meet, to be sure it is really you.</source>
        <translation>Donnez votre identifiant (ou laissez scanner le code) pour qu&apos;on puisse vous recommander. Comparez à voix haute le code de sécurité quand vous vous voyez, pour être sûr que c&apos;est bien vous.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/me.py" line="57"/>
        <source>My identifier</source>
        <translation>Mon identifiant</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/me.py" line="58"/>
        <source>Copy my identifier</source>
        <translation>Copier mon identifiant</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/me.py" line="63"/>
        <source>Identifier:</source>
        <translation>Identifiant :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/me.py" line="71"/>
        <source>My safety code</source>
        <translation>Mon code de sécurité</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/me.py" line="72"/>
        <source>Copy my safety code</source>
        <translation>Copier mon code de sécurité</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/me.py" line="77"/>
        <source>Safety code:</source>
        <translation>Code de sécurité :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/me.py" line="81"/>
        <source>Wallet folder:</source>
        <translation>Dossier du portefeuille :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/me.py" line="86"/>
        <source>Show &amp;recovery phrase…</source>
        <translation>Afficher la phrase de &amp;récupération…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/me.py" line="87"/>
        <source>Asks for your passphrase, then shows the 24 words</source>
        <translation>Demande votre phrase de passe, puis affiche les 24 mots</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/me.py" line="93"/>
        <source>My identifier as a QR code</source>
        <translation>Mon identifiant en code QR</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/me.py" line="98"/>
        <source>Guardians</source>
        <translation>Gardiens</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/me.py" line="115"/>
        <source>You have not confirmed that your recovery phrase is written down. Show it and keep a copy on paper.</source>
        <translation>Vous n&apos;avez pas confirmé avoir noté votre phrase de récupération. Affichez-la et gardez-en une copie sur papier.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../app/vouch/gui/messages.py" line="20"/>
        <source>Vouch</source>
        <translation>Vouch</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/messages.py" line="29"/>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
</context>
<context>
    <name>NameBook</name>
    <message>
        <location filename="../../app/vouch/gui/models.py" line="66"/>
        <source>Me</source>
        <translation>Moi</translation>
    </message>
</context>
<context>
    <name>NewPassphraseFields</name>
    <message>
        <location filename="../../app/vouch/gui/widgets/passphrase_fields.py" line="49"/>
        <source>New passphrase</source>
        <translation>Nouvelle phrase de passe</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/passphrase_fields.py" line="50"/>
        <source>Repeat the new passphrase</source>
        <translation>Répétez la nouvelle phrase de passe</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/passphrase_fields.py" line="65"/>
        <location filename="../../app/vouch/gui/widgets/passphrase_fields.py" line="68"/>
        <source>Passphrase strength</source>
        <translation>Solidité de la phrase de passe</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <location filename="../../app/vouch/gui/pages/catalog.py" line="47"/>
        <source>Endorse</source>
        <translation>Recommander</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/catalog.py" line="54"/>
        <source>Endorsements</source>
        <translation>Recommandations</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/catalog.py" line="64"/>
        <source>Exchange</source>
        <translation>Échanger</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/catalog.py" line="60"/>
        <source>Find</source>
        <translation>Trouver</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/catalog.py" line="37"/>
        <source>Me</source>
        <translation>Moi</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/catalog.py" line="40"/>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/catalog.py" line="71"/>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
</context>
<context>
    <name>PairingDialog</name>
    <message>
        <location filename="../../app/vouch/gui/dialogs/pairing.py" line="44"/>
        <source>Compare the code</source>
        <translation>Comparer le code</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/pairing.py" line="51"/>
        <source>{name} wants to exchange with you.</source>
        <translation>{name} veut échanger avec vous.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/pairing.py" line="53"/>
        <source>You reached {name}.</source>
        <translation>Vous avez joint {name}.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/pairing.py" line="55"/>
        <source>Is this the person you are with?</source>
        <translation>Est-ce bien la personne avec qui vous êtes ?</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/pairing.py" line="59"/>
        <source>{who} This is your first exchange with this wallet: look at the other screen and check that it shows exactly the same six digits.</source>
        <translation>{who} C&apos;est votre premier échange avec ce portefeuille : regardez l&apos;autre écran et vérifiez qu&apos;il affiche exactement les mêmes six chiffres.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/pairing.py" line="72"/>
        <source>Code to compare</source>
        <translation>Code à comparer</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/pairing.py" line="78"/>
        <source>Their identifier: {peer_did}
If the codes differ, someone may be between you: choose “They don&apos;t match” and nothing is exchanged.</source>
        <translation>Son identifiant : {peer_did}
Si les codes diffèrent, quelqu&apos;un s&apos;est peut-être placé entre vous : choisissez « Ils ne correspondent pas » et rien n&apos;est échangé.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/pairing.py" line="85"/>
        <source>They &amp;don&apos;t match</source>
        <translation>Ils ne correspondent &amp;pas</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/pairing.py" line="86"/>
        <source>The codes differ: refuse, nothing is exchanged</source>
        <translation>Les codes diffèrent : refuser, rien n&apos;est échangé</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/pairing.py" line="87"/>
        <source>They don&apos;t match</source>
        <translation>Ils ne correspondent pas</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/pairing.py" line="89"/>
        <source>&amp;Confirm, they match</source>
        <translation>&amp;Confirmer, ils correspondent</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/pairing.py" line="92"/>
        <source>Both screens show the same code: exchange, and remember this wallet as verified</source>
        <translation>Les deux écrans affichent le même code : échanger, et retenir ce portefeuille comme vérifié</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/pairing.py" line="95"/>
        <source>Confirm, the codes match</source>
        <translation>Confirmer, les codes correspondent</translation>
    </message>
</context>
<context>
    <name>Passphrase</name>
    <message>
        <location filename="../../app/vouch/gui/widgets/passphrase_fields.py" line="26"/>
        <source>{label}. {hint}</source>
        <translation>{label}. {hint}</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/show_toggle.py" line="11"/>
        <source>Sho&amp;w the passphrase</source>
        <translation>Aff&amp;icher la phrase de passe</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/show_toggle.py" line="12"/>
        <source>Show the passphrase</source>
        <translation>Afficher la phrase de passe</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/passphrase_fields.py" line="101"/>
        <source>Type a passphrase first.</source>
        <translation>Tapez d&apos;abord une phrase de passe.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/passphrase_fields.py" line="103"/>
        <source>This passphrase is too easy to guess: see the advice above.</source>
        <translation>Cette phrase de passe est trop facile à deviner : voyez le conseil ci-dessus.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/passphrase_fields.py" line="107"/>
        <source>Type the same passphrase again.</source>
        <translation>Tapez à nouveau la même phrase de passe.</translation>
    </message>
</context>
<context>
    <name>PathGraph</name>
    <message>
        <location filename="../../app/vouch/gui/widgets/path_graph.py" line="49"/>
        <source>Trust paths</source>
        <translation>Chemins de confiance</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/path_graph.py" line="60"/>
        <source>No paths</source>
        <translation>Aucun chemin</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <location filename="../../app/vouch/gui/pages/people.py" line="48"/>
        <source>caution for {task} — {reason}</source>
        <translation>mise en garde pour {task} — {reason}</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/people.py" line="52"/>
        <source>{task}, {level}</source>
        <translation>{task}, {level}</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/people.py" line="58"/>
        <source>{name}: {statement}</source>
        <translation>{name} : {statement}</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/people.py" line="64"/>
        <source>{statement} ({status})</source>
        <translation>{statement} ({status})</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/people.py" line="79"/>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/people.py" line="85"/>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/people.py" line="87"/>
        <source>&amp;Add contact…</source>
        <translation>&amp;Ajouter un contact…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/people.py" line="88"/>
        <source>Add someone from their did:key, pasted text or a file</source>
        <translation>Ajouter quelqu&apos;un à partir de son did:key, d&apos;un texte collé ou d&apos;un fichier</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/people.py" line="95"/>
        <source>Recovery shares I keep</source>
        <translation>Parts de récupération que je garde</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/people.py" line="97"/>
        <source>Help re&amp;cover…</source>
        <translation>Aider à ré&amp;cupérer…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/people.py" line="99"/>
        <source>Answer a recovery request from someone whose share you keep</source>
        <translation>Répondre à la demande de récupération d&apos;une personne dont vous gardez une part</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/people.py" line="111"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/people.py" line="114"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/people.py" line="115"/>
        <source>Verified in person (we compared safety codes)</source>
        <translation>Vérifié en personne (nous avons comparé les codes de sécurité)</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/people.py" line="116"/>
        <source>Verified in person</source>
        <translation>Vérifié en personne</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/people.py" line="122"/>
        <source>Identifier:</source>
        <translation>Identifiant :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/people.py" line="125"/>
        <source>Safety code:</source>
        <translation>Code de sécurité :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/people.py" line="128"/>
        <source>How I could rely on them</source>
        <translation>Comment je pourrais compter sur cette personne</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/people.py" line="129"/>
        <source>My view:</source>
        <translation>Mon avis :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/people.py" line="131"/>
        <source>&lt;b&gt;What I said about them&lt;/b&gt;</source>
        <translation>&lt;b&gt;Ce que j&apos;ai dit de cette personne&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/people.py" line="133"/>
        <source>What I said about them</source>
        <translation>Ce que j&apos;ai dit de cette personne</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/people.py" line="135"/>
        <source>&lt;b&gt;What others said about them&lt;/b&gt;</source>
        <translation>&lt;b&gt;Ce que d&apos;autres en ont dit&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/people.py" line="137"/>
        <source>What others said about them</source>
        <translation>Ce que d&apos;autres en ont dit</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/people.py" line="140"/>
        <source>&amp;Endorse…</source>
        <translation>&amp;Recommander…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/people.py" line="141"/>
        <source>Endorse this person</source>
        <translation>Recommander cette personne</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/people.py" line="143"/>
        <source>Send them what I &amp;said…</source>
        <translation>Lui envoyer ce que j&apos;ai d&amp;it…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/people.py" line="144"/>
        <source>Export everything I gave to this person</source>
        <translation>Exporter tout ce que j&apos;ai donné à cette personne</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/people.py" line="146"/>
        <source>&amp;Remove</source>
        <translation>Re&amp;tirer</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/people.py" line="147"/>
        <source>Remove this contact (their endorsements stay)</source>
        <translation>Retirer ce contact (ses recommandations restent)</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/people.py" line="155"/>
        <source>Add the people you know, then endorse them for what they do well.</source>
        <translation>Ajoutez les personnes que vous connaissez, puis recommandez-les pour ce qu&apos;elles font bien.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/people.py" line="176"/>
        <source>{petname} (verified in person)</source>
        <translation>{petname} (vérifié en personne)</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/people.py" line="195"/>
        <source>You keep a recovery share for: {people}.</source>
        <translation>Vous gardez une part de récupération pour : {people}.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/people.py" line="197"/>
        <source>{name} ({needed} needed)</source>
        <translation>{name} ({needed} nécessaires)</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/people.py" line="264"/>
        <location filename="../../app/vouch/gui/pages/people.py" line="266"/>
        <source>Nothing yet.</source>
        <translation>Rien pour l&apos;instant.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/people.py" line="278"/>
        <source>{task}: {level}</source>
        <translation>{task} : {level}</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/people.py" line="280"/>
        <source>{task}: {level} (through others)</source>
        <translation>{task} : {level} (par d&apos;autres)</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/people.py" line="285"/>
        <source>Nobody I rely on has endorsed them.</source>
        <translation>Personne sur qui je compte ne l&apos;a recommandée.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/people.py" line="335"/>
        <source>Remove contact</source>
        <translation>Retirer le contact</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/people.py" line="337"/>
        <source>Remove {name} from your contacts? Endorsements stay; only the name goes.</source>
        <translation>Retirer {name} de vos contacts ? Les recommandations restent ; seul le nom disparaît.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/people.py" line="339"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
</context>
<context>
    <name>PersonPicker</name>
    <message>
        <location filename="../../app/vouch/gui/widgets/person_picker.py" line="16"/>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/person_picker.py" line="17"/>
        <source>Choose a contact, or paste someone&apos;s did:key</source>
        <translation>Choisissez un contact, ou collez le did:key de quelqu&apos;un</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/person_picker.py" line="20"/>
        <source>A contact&apos;s name, or a did:key</source>
        <translation>Le nom d&apos;un contact, ou un did:key</translation>
    </message>
</context>
<context>
    <name>PhraseEdit</name>
    <message>
        <location filename="../../app/vouch/gui/widgets/phrase_edit.py" line="45"/>
        <source>Word {number}, “{word}”, is not a recovery-phrase word: check its spelling.</source>
        <translation>Le mot {number}, « {word} », n&apos;est pas un mot de phrase de récupération : vérifiez son orthographe.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/phrase_edit.py" line="51"/>
        <source>These 24 words are all real words, but they do not fit together: one of them is probably wrong or out of order.</source>
        <translation>Ces 24 mots existent tous, mais ils ne vont pas ensemble : l&apos;un d&apos;eux est sans doute faux ou mal placé.</translation>
    </message>
</context>
<context>
    <name>QrWidget</name>
    <message>
        <location filename="../../app/vouch/gui/widgets/qr.py" line="22"/>
        <source>QR code</source>
        <translation>Code QR</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/qr.py" line="34"/>
        <source>QR code of: {text}</source>
        <translation>Code QR de : {text}</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/qr.py" line="34"/>
        <source>empty</source>
        <translation>vide</translation>
    </message>
</context>
<context>
    <name>RecoverDialog</name>
    <message>
        <location filename="../../app/vouch/gui/dialogs/recover.py" line="52"/>
        <source>Recover with guardians</source>
        <translation>Récupérer avec des gardiens</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/recover.py" line="61"/>
        <source>Working</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/recover.py" line="79"/>
        <source>Your did:key</source>
        <translation>Votre did:key</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/recover.py" line="81"/>
        <source>Your &amp;did:key:</source>
        <translation>Votre &amp;did:key :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/recover.py" line="84"/>
        <source>New passphrase</source>
        <translation>Nouvelle phrase de passe</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/recover.py" line="85"/>
        <source>New &amp;passphrase:</source>
        <translation>Nouvelle &amp;phrase de passe :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/recover.py" line="88"/>
        <source>Repeat the passphrase</source>
        <translation>Répétez la phrase de passe</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/recover.py" line="89"/>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Répétez-la :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/recover.py" line="90"/>
        <source>&amp;Make the request</source>
        <translation>&amp;Faire la demande</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/recover.py" line="101"/>
        <source>Send this request to your guardians. Each must call you or meet you and hear you read the check words below before answering.</source>
        <translation>Envoyez cette demande à vos gardiens. Chacun doit vous appeler ou vous rencontrer et vous entendre lire les mots de contrôle ci-dessous avant de répondre.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/recover.py" line="108"/>
        <source>Recovery request</source>
        <translation>Demande de récupération</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/recover.py" line="112"/>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/recover.py" line="118"/>
        <source>Check words</source>
        <translation>Mots de contrôle</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/recover.py" line="123"/>
        <source>&amp;Add an answer…</source>
        <translation>&amp;Ajouter une réponse…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/recover.py" line="133"/>
        <source>Passphrase given when the request was made</source>
        <translation>Phrase de passe donnée lors de la demande</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/recover.py" line="134"/>
        <source>Pass&amp;phrase:</source>
        <translation>&amp;Phrase de passe :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/recover.py" line="136"/>
        <source>&amp;Finish</source>
        <translation>&amp;Terminer</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/recover.py" line="157"/>
        <source>The two passphrases differ.</source>
        <translation>Les deux phrases de passe diffèrent.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/recover.py" line="175"/>
        <source>Choose an answer</source>
        <translation>Choisissez une réponse</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/recover.py" line="177"/>
        <source>Recovery answers (*.vouchanswer);;All files (*)</source>
        <translation>Réponses de récupération (*.vouchanswer);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/recover.py" line="187"/>
        <source>Cannot read {file}.</source>
        <translation>Impossible de lire {file}.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/recover.py" line="199"/>
        <source>No answers yet</source>
        <translation>Pas encore de réponse</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/recover.py" line="201"/>
        <source>{have} of {need} answers</source>
        <translation>{have} réponses sur {need}</translation>
    </message>
</context>
<context>
    <name>RecoveryPhraseDialog</name>
    <message>
        <location filename="../../app/vouch/gui/dialogs/passphrase.py" line="31"/>
        <source>Recovery phrase</source>
        <translation>Phrase de récupération</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/passphrase.py" line="34"/>
        <source>Type your passphrase to see your recovery phrase.</source>
        <translation>Tapez votre phrase de passe pour voir votre phrase de récupération.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/passphrase.py" line="40"/>
        <source>Passphrase</source>
        <translation>Phrase de passe</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/passphrase.py" line="41"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Phrase de passe :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/passphrase.py" line="43"/>
        <source>Checking the passphrase</source>
        <translation>Vérification de la phrase de passe</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/passphrase.py" line="53"/>
        <source>&amp;Show</source>
        <translation>&amp;Afficher</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/passphrase.py" line="86"/>
        <source>Keep these words private. Anyone who has them can act as you.</source>
        <translation>Gardez ces mots pour vous. Qui les possède peut agir en votre nom.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/passphrase.py" line="89"/>
        <source>&lt;b&gt;{value:2d}.&lt;/b&gt; {word}</source>
        <translation>&lt;b&gt;{value:2d}.&lt;/b&gt; {word}</translation>
    </message>
</context>
<context>
    <name>RestoreBackupDialog</name>
    <message>
        <location filename="../../app/vouch/gui/dialogs/restore_backup.py" line="34"/>
        <source>Wrong passphrase. Type the passphrase the wallet had when this backup was made.</source>
        <translation>Mauvaise phrase de passe. Tapez la phrase de passe qu&apos;avait le portefeuille lors de cette sauvegarde.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/restore_backup.py" line="53"/>
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/restore_backup.py" line="62"/>
        <source>Choose a backup file and an empty folder for the wallet, then type the passphrase the wallet had when the backup was made.</source>
        <translation>Choisissez un fichier de sauvegarde et un dossier vide pour le portefeuille, puis tapez la phrase de passe qu&apos;avait le portefeuille lors de la sauvegarde.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/restore_backup.py" line="69"/>
        <source>Backup file</source>
        <translation>Fichier de sauvegarde</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/restore_backup.py" line="70"/>
        <location filename="../../app/vouch/gui/dialogs/restore_backup.py" line="76"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/restore_backup.py" line="71"/>
        <source>Choose the backup file</source>
        <translation>Choisir le fichier de sauvegarde</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/restore_backup.py" line="73"/>
        <source>&amp;Backup file:</source>
        <translation>&amp;Fichier de sauvegarde :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/restore_backup.py" line="75"/>
        <source>Folder for the restored wallet</source>
        <translation>Dossier du portefeuille restauré</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/restore_backup.py" line="77"/>
        <source>Choose the folder for the restored wallet</source>
        <translation>Choisir le dossier du portefeuille restauré</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/restore_backup.py" line="79"/>
        <source>Restore &amp;into:</source>
        <translation>Restaurer &amp;dans :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/restore_backup.py" line="82"/>
        <source>Passphrase of the backup</source>
        <translation>Phrase de passe de la sauvegarde</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/restore_backup.py" line="83"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Phrase de passe :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/restore_backup.py" line="85"/>
        <source>Restoring the backup</source>
        <translation>Restauration de la sauvegarde</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/restore_backup.py" line="93"/>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurer</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/restore_backup.py" line="114"/>
        <source>Choose a backup</source>
        <translation>Choisir une sauvegarde</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/restore_backup.py" line="116"/>
        <source>Vouch backups (*.vouchbackup);;All files (*)</source>
        <translation>Sauvegardes Vouch (*.vouchbackup);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/restore_backup.py" line="125"/>
        <source>Choose a new, empty folder for the restored wallet</source>
        <translation>Choisissez un nouveau dossier vide pour le portefeuille restauré</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/restore_backup.py" line="132"/>
        <source>Choose the backup file.</source>
        <translation>Choisissez le fichier de sauvegarde.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/restore_backup.py" line="134"/>
        <source>There is no file {file}.</source>
        <translation>Le fichier {file} n&apos;existe pas.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/restore_backup.py" line="136"/>
        <source>Choose a folder for the restored wallet.</source>
        <translation>Choisissez un dossier pour le portefeuille restauré.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/restore_backup.py" line="138"/>
        <source>That is the wallet that cannot be opened; choose a new, empty folder.</source>
        <translation>C&apos;est le portefeuille qui ne peut pas s&apos;ouvrir ; choisissez un nouveau dossier vide.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/restore_backup.py" line="141"/>
        <source>{folder} already holds a wallet, which stays as it is. Choose an empty folder.</source>
        <translation>{folder} contient déjà un portefeuille, qui reste tel quel. Choisissez un dossier vide.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/restore_backup.py" line="144"/>
        <source>Type the passphrase the wallet had when this backup was made.</source>
        <translation>Tapez la phrase de passe qu&apos;avait le portefeuille lors de cette sauvegarde.</translation>
    </message>
</context>
<context>
    <name>RevokeDialog</name>
    <message>
        <location filename="../../app/vouch/gui/dialogs/statement.py" line="140"/>
        <source>Revoke caution</source>
        <translation>Révoquer la mise en garde</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/statement.py" line="141"/>
        <source>Revoking withdraws your caution about {name} for “{task}”. The revocation is signed and reaches the people who got the caution. It cannot be undone.</source>
        <translation>Révoquer retire votre mise en garde contre {name} pour « {task} ». La révocation est signée et parvient aux personnes qui ont reçu la mise en garde. C&apos;est irréversible.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/statement.py" line="147"/>
        <source>Revoke endorsement</source>
        <translation>Révoquer la recommandation</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/statement.py" line="148"/>
        <source>Revoking withdraws your endorsement of {name} for “{task}”. The revocation is signed and reaches the people who got the endorsement. It cannot be undone.</source>
        <translation>Révoquer retire votre recommandation de {name} pour « {task} ». La révocation est signée et parvient aux personnes qui ont reçu la recommandation. C&apos;est irréversible.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/statement.py" line="156"/>
        <source>Re&amp;voke</source>
        <translation>Ré&amp;voquer</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/statement.py" line="164"/>
        <source>Revoke it now? This cannot be undone.</source>
        <translation>Révoquer maintenant ? C&apos;est irréversible.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/statement.py" line="165"/>
        <source>Revoke</source>
        <translation>Révoquer</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../app/vouch/gui/pages/settings.py" line="47"/>
        <location filename="../../app/vouch/gui/pages/settings.py" line="48"/>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/settings.py" line="52"/>
        <source>Lock after idle time</source>
        <translation>Verrouiller après inactivité</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/settings.py" line="53"/>
        <source>Lock the wallet after this long without use</source>
        <translation>Verrouiller le portefeuille après cette durée sans utilisation</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/settings.py" line="57"/>
        <source>&amp;Lock when idle:</source>
        <translation>&amp;Verrouiller si inactif :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/settings.py" line="60"/>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/settings.py" line="64"/>
        <source>&amp;Appearance:</source>
        <translation>&amp;Apparence :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/settings.py" line="67"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/settings.py" line="68"/>
        <source>Same as the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/settings.py" line="72"/>
        <source>Lang&amp;uage:</source>
        <translation>La&amp;ngue :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/settings.py" line="76"/>
        <source>Use another fol&amp;der…</source>
        <translation>Utiliser un autre doss&amp;ier…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/settings.py" line="78"/>
        <source>Open or create a wallet in another folder (locks this one)</source>
        <translation>Ouvrir ou créer un portefeuille dans un autre dossier (verrouille celui-ci)</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/settings.py" line="84"/>
        <source>Wallet folder:</source>
        <translation>Dossier du portefeuille :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/settings.py" line="86"/>
        <source>&amp;Change passphrase…</source>
        <translation>&amp;Changer la phrase de passe…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/settings.py" line="91"/>
        <source>Passphrase:</source>
        <translation>Phrase de passe :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/settings.py" line="95"/>
        <location filename="../../app/vouch/gui/pages/settings.py" line="96"/>
        <location filename="../../app/vouch/gui/pages/settings.py" line="248"/>
        <source>Unlock with the operating system</source>
        <translation>Déverrouiller avec le système</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/settings.py" line="99"/>
        <source>About unlocking with the system</source>
        <translation>À propos du déverrouillage par le système</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/settings.py" line="106"/>
        <source>&amp;Quick unlock:</source>
        <translation>Déverrouillage &amp;rapide :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/settings.py" line="119"/>
        <source>Backups</source>
        <translation>Sauvegardes</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/settings.py" line="124"/>
        <location filename="../../app/vouch/gui/pages/settings.py" line="175"/>
        <source>Folder for automatic backups</source>
        <translation>Dossier des sauvegardes automatiques</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/settings.py" line="125"/>
        <source>Ch&amp;oose folder…</source>
        <translation>Ch&amp;oisir un dossier…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/settings.py" line="127"/>
        <source>Back up automatically into this folder after changes and at lock</source>
        <translation>Sauvegarder automatiquement dans ce dossier après des modifications et au verrouillage</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/settings.py" line="130"/>
        <source>Tur&amp;n off</source>
        <translation>Désac&amp;tiver</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/settings.py" line="136"/>
        <source>Automatic backups:</source>
        <translation>Sauvegardes automatiques :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/settings.py" line="140"/>
        <source>How many automatic backups to keep</source>
        <translation>Nombre de sauvegardes automatiques à garder</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/settings.py" line="142"/>
        <source>&amp;Keep the newest:</source>
        <translation>&amp;Garder les plus récentes :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/settings.py" line="143"/>
        <source>&amp;Back up now</source>
        <translation>&amp;Sauvegarder maintenant</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/settings.py" line="146"/>
        <source>Last backup</source>
        <translation>Dernière sauvegarde</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/settings.py" line="160"/>
        <source>Off: choose a folder, ideally on another disk.</source>
        <translation>Désactivées : choisissez un dossier, de préférence sur un autre disque.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/settings.py" line="169"/>
        <source>Last backup: {local_time}</source>
        <translation>Dernière sauvegarde : {local_time}</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/settings.py" line="171"/>
        <source>No backup yet.</source>
        <translation>Pas encore de sauvegarde.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/settings.py" line="201"/>
        <source>Backed up to {path}.</source>
        <translation>Sauvegardé dans {path}.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/settings.py" line="238"/>
        <source>Unlock with {method}</source>
        <translation>Déverrouiller avec {method}</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/settings.py" line="243"/>
        <source>Opens the wallet without typing the passphrase, after {method} checks it is you. Your passphrase keeps working.</source>
        <translation>Ouvre le portefeuille sans taper la phrase de passe, une fois que {method} a vérifié que c&apos;est vous. Votre phrase de passe fonctionne toujours.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/settings.py" line="253"/>
        <source>Not available on this computer{why}. The passphrase opens the wallet.</source>
        <translation>Non disponible sur cet ordinateur{why}. La phrase de passe ouvre le portefeuille.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/settings.py" line="274"/>
        <source>This language is not installed; Vouch stays in English.</source>
        <translation>Cette langue n&apos;est pas installée ; Vouch reste en anglais.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/settings.py" line="276"/>
        <source>Vouch shows the new language the next time it starts.</source>
        <translation>Vouch affichera la nouvelle langue au prochain démarrage.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/settings.py" line="287"/>
        <source>Choose the wallet folder</source>
        <translation>Choisir le dossier du portefeuille</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/settings.py" line="296"/>
        <source>Your passphrase was changed.</source>
        <translation>Votre phrase de passe a été changée.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../app/vouch/gui/dialogs/help.py" line="35"/>
        <location filename="../../app/vouch/gui/dialogs/help.py" line="52"/>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/help.py" line="46"/>
        <source>Move to the next or the previous control</source>
        <translation>Passer à la commande suivante ou précédente</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/help.py" line="46"/>
        <source>Tab, Shift+Tab</source>
        <translation>Tab, Maj+Tab</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/help.py" line="47"/>
        <source>Use a control&apos;s underlined letter</source>
        <translation>Utiliser la lettre soulignée d&apos;une commande</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/help.py" line="47"/>
        <source>Alt+letter</source>
        <translation>Alt+lettre</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/help.py" line="48"/>
        <source>Do what a dialog is for (its default button)</source>
        <translation>Faire ce pour quoi une boîte de dialogue est là (son bouton par défaut)</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/help.py" line="48"/>
        <source>Enter</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/help.py" line="49"/>
        <source>Close a dialog without doing anything</source>
        <translation>Fermer une boîte de dialogue sans rien faire</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/help.py" line="49"/>
        <source>Esc</source>
        <translation>Échap</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/help.py" line="53"/>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/help.py" line="53"/>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
</context>
<context>
    <name>Statement</name>
    <message>
        <location filename="../../app/vouch/gui/pages/endorsements.py" line="69"/>
        <source>you</source>
        <translation>vous</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorsements.py" line="75"/>
        <source>You caution about {subject} for {task}, until {until}: “{reason}”</source>
        <translation>Vous mettez en garde contre {subject} pour {task}, jusqu&apos;au {until} : « {reason} »</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorsements.py" line="79"/>
        <source>{issuer} cautions about {subject} for {task}, until {until}: “{reason}”</source>
        <translation>{issuer} met en garde contre {subject} pour {task}, jusqu&apos;au {until} : « {reason} »</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorsements.py" line="86"/>
        <source>You rely on {subject} for {task}, {level}, until {until}.</source>
        <translation>Vous comptez sur {subject} pour {task}, {level}, jusqu&apos;au {until}.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorsements.py" line="88"/>
        <source>{issuer} relies on {subject} for {task}, {level}, until {until}.</source>
        <translation>{issuer} compte sur {subject} pour {task}, {level}, jusqu&apos;au {until}.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorsements.py" line="101"/>
        <source>Comment: {comment}</source>
        <translation>Commentaire : {comment}</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorsements.py" line="105"/>
        <source>Revoked on {date}: {reason}</source>
        <translation>Révoquée le {date} : {reason}</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/endorsements.py" line="109"/>
        <source>Expired.</source>
        <translation>Expirée.</translation>
    </message>
</context>
<context>
    <name>StatementTable</name>
    <message>
        <location filename="../../app/vouch/gui/widgets/statement_table.py" line="32"/>
        <source>Whose</source>
        <translation>De qui</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/statement_table.py" line="33"/>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/statement_table.py" line="34"/>
        <source>About</source>
        <translation>Sur</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/statement_table.py" line="35"/>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/statement_table.py" line="36"/>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/statement_table.py" line="37"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/statement_table.py" line="38"/>
        <source>Valid until</source>
        <translation>Valable jusqu&apos;au</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/statement_table.py" line="44"/>
        <source>I said</source>
        <translation>J&apos;ai dit</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/statement_table.py" line="45"/>
        <source>About me</source>
        <translation>Sur moi</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/statement_table.py" line="46"/>
        <source>Others said</source>
        <translation>D&apos;autres ont dit</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/widgets/statement_table.py" line="93"/>
        <source>Me</source>
        <translation>Moi</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <location filename="../../app/vouch/gui/theme.py" line="13"/>
        <source>Same as the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/theme.py" line="14"/>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/theme.py" line="15"/>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <location filename="../../app/vouch/gui/pages/unlock.py" line="43"/>
        <source>Vouch has not changed this file; keep it. You can open another wallet, restore a backup into a new folder, or bring your identity back from its 24-word recovery phrase into a new folder. Endorsements others gave you can be imported or synced again.</source>
        <translation>Vouch n&apos;a pas modifié ce fichier ; gardez-le. Vous pouvez ouvrir un autre portefeuille, restaurer une sauvegarde dans un nouveau dossier, ou retrouver votre identité à partir de sa phrase de récupération de 24 mots dans un nouveau dossier. Les recommandations que d&apos;autres vous ont données peuvent être importées ou resynchronisées.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/unlock.py" line="49"/>
        <source>Update Vouch to open it. Vouch has not changed this file. Meanwhile you can open another wallet, or restore a backup or your recovery phrase into a new folder.</source>
        <translation>Mettez Vouch à jour pour l&apos;ouvrir. Vouch n&apos;a pas modifié ce fichier. En attendant, vous pouvez ouvrir un autre portefeuille, ou restaurer une sauvegarde ou votre phrase de récupération dans un nouveau dossier.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/unlock.py" line="75"/>
        <source>The wallet file is damaged: part of it no longer reads back.</source>
        <translation>Le fichier du portefeuille est endommagé : une partie ne se relit plus.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/unlock.py" line="117"/>
        <location filename="../../app/vouch/gui/pages/unlock.py" line="217"/>
        <source>Vouch is locked</source>
        <translation>Vouch est verrouillé</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/unlock.py" line="131"/>
        <source>Passphrase</source>
        <translation>Phrase de passe</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/unlock.py" line="132"/>
        <source>Your passphrase</source>
        <translation>Votre phrase de passe</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/unlock.py" line="134"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Phrase de passe :</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/unlock.py" line="139"/>
        <source>Unlocking</source>
        <translation>Déverrouillage</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/unlock.py" line="145"/>
        <source>Use another wallet…</source>
        <translation>Utiliser un autre portefeuille…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/unlock.py" line="146"/>
        <source>Open or create a wallet in another folder</source>
        <translation>Ouvrir ou créer un portefeuille dans un autre dossier</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/unlock.py" line="151"/>
        <source>&amp;Unlock</source>
        <translation>Déverr&amp;ouiller</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/unlock.py" line="153"/>
        <source>Open the wallet with your passphrase</source>
        <translation>Ouvrir le portefeuille avec votre phrase de passe</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/unlock.py" line="182"/>
        <source>&amp;Open another wallet…</source>
        <translation>&amp;Ouvrir un autre portefeuille…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/unlock.py" line="183"/>
        <source>Unlock a wallet kept in another folder</source>
        <translation>Déverrouiller un portefeuille gardé dans un autre dossier</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/unlock.py" line="185"/>
        <source>&amp;Restore from recovery phrase…</source>
        <translation>&amp;Restaurer depuis la phrase de récupération…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/unlock.py" line="187"/>
        <source>Bring your identity back from its 24 words, into a new folder</source>
        <translation>Retrouver votre identité à partir de ses 24 mots, dans un nouveau dossier</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/unlock.py" line="190"/>
        <source>Restore a &amp;backup…</source>
        <translation>Restaurer une &amp;sauvegarde…</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/unlock.py" line="192"/>
        <source>Bring back a whole wallet from a backup file, into a new folder</source>
        <translation>Retrouver un portefeuille entier depuis une sauvegarde, dans un nouveau dossier</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/unlock.py" line="195"/>
        <source>&amp;Try again</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/unlock.py" line="197"/>
        <source>Back to the passphrase (after putting a backup in place)</source>
        <translation>Revenir à la phrase de passe (après avoir remis une sauvegarde en place)</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/unlock.py" line="221"/>
        <location filename="../../app/vouch/gui/pages/unlock.py" line="303"/>
        <source>Wallet in {home}</source>
        <translation>Portefeuille dans {home}</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/unlock.py" line="234"/>
        <source>Unlock with {method_name}</source>
        <translation>Déverrouiller avec {method_name}</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/unlock.py" line="237"/>
        <source>Ask {method_name} to open the wallet; your passphrase also works</source>
        <translation>Demander à {method_name} d&apos;ouvrir le portefeuille ; votre phrase de passe fonctionne aussi</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/unlock.py" line="254"/>
        <source>Type your passphrase.</source>
        <translation>Tapez votre phrase de passe.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/unlock.py" line="299"/>
        <source>This wallet needs a newer Vouch</source>
        <translation>Ce portefeuille demande un Vouch plus récent</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/unlock.py" line="301"/>
        <source>This wallet is damaged</source>
        <translation>Ce portefeuille est endommagé</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/unlock.py" line="319"/>
        <source>Open a wallet folder</source>
        <translation>Ouvrir un dossier de portefeuille</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/unlock.py" line="324"/>
        <source>That is the wallet that cannot be opened; choose another folder.</source>
        <translation>C&apos;est le portefeuille qui ne peut pas s&apos;ouvrir ; choisissez un autre dossier.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/unlock.py" line="327"/>
        <source>There is no Vouch wallet in {path}.</source>
        <translation>Il n&apos;y a pas de portefeuille Vouch dans {path}.</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/unlock.py" line="332"/>
        <source>Choose a new, empty folder for the restored wallet</source>
        <translation>Choisissez un nouveau dossier vide pour le portefeuille restauré</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/pages/unlock.py" line="338"/>
        <source>{path} already holds a wallet, which stays as it is. Choose an empty folder.</source>
        <translation>{path} contient déjà un portefeuille, qui reste tel quel. Choisissez un dossier vide.</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../app/vouch/gui/workspace.py" line="43"/>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/workspace.py" line="50"/>
        <source>{title} (Ctrl+{index})</source>
        <translation>{title} (Ctrl+{index})</translation>
    </message>
</context>
<context>
    <name>_ReasonDialog</name>
    <message>
        <location filename="../../app/vouch/gui/dialogs/statement.py" line="45"/>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/statement.py" line="48"/>
        <source>At least {count} characters</source>
        <translation>Au moins {count} caractères</translation>
    </message>
    <message>
        <location filename="../../app/vouch/gui/dialogs/statement.py" line="62"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Raison :</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../app/vouch/gui/dialogs/help.py" line="25"/>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
</context>
<context>
    <name>self.self</name>
    <message>
        <location filename="../../app/vouch/gui/pages/exchange.py" line="135"/>
        <source>Not visible.</source>
        <translation>Non visible.</translation>
    </message>
</context>
</TS>
