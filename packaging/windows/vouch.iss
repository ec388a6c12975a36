; Inno Setup recipe: one installer .exe for Vouch on Windows (run on Windows after
;   pyinstaller --noconfirm --clean packaging\vouch.spec
; with Inno Setup 6:  iscc packaging\windows\vouch.iss  ->  dist\VouchSetup-0.1.0.exe).
; It installs dist\vouch\ (vouch-gui.exe, vouch.exe, _internal\), a Start menu entry,
; the .vouch file association and the vouch: URL protocol, for the current user by default.

#define AppName "Vouch"
#define AppVersion "0.1.0"
#define AppPublisher "The Vouch developers"
#define AppExe "vouch-gui.exe"
#define ProgId "Vouch.Bundle"

[Setup]
AppId={{5B0C1E52-7A1D-4C8E-9B7E-2F4D6A1C9E30}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher={#AppPublisher}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=VouchSetup-{#AppVersion}
SetupIconFile=vouch.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\vouch\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; .vouch files open in Vouch, on the import preview.
Root: HKA; Subkey: "Software\Classes\.vouch"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.vouch"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-vouch"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.vouch\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "Vouch endorsements"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
; vouch:// links open in Vouch (a person, or a small bundle's import preview).
Root: HKA; Subkey: "Software\Classes\vouch"; ValueType: string; ValueName: ""; ValueData: "URL:Vouch link"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\vouch"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\vouch\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\vouch\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
; "Open with" and Default Apps know Vouch by its executable.
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".vouch"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
