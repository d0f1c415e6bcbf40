; Inno Setup 6 script: installs dist\ExoConsult\ (built by packaging\windows\build.cmd, which also runs
; this script: ISCC /DAppVersion=x.y.z packaging\windows\exoconsult.iss) into Program Files, with a
; Start-menu entry and an uninstaller. The clinic's data folder (%LOCALAPPDATA%\ExoConsult\ExoConsult,
; or the folder set with EXOCONSULT_DATA_DIR) holds patient records: neither an upgrade nor the
; uninstaller touches it.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{5C7E1B8A-3F42-4D6B-9A0E-2B71C4E5D9F3}
AppName=ExoConsult
AppVersion={#AppVersion}
AppVerName=ExoConsult {#AppVersion}
AppPublisher=ExoConsult
DefaultDirName={autopf}\ExoConsult
DefaultGroupName=ExoConsult
DisableProgramGroupPage=yes
OutputDir=..\..\dist
OutputBaseFilename=ExoConsult-Setup-{#AppVersion}
SetupIconFile=..\icons\exoconsult.ico
UninstallDisplayIcon={app}\ExoConsult.exe
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
MinVersion=10.0
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "turkish"; MessagesFile: "compiler:Languages\Turkish.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the program folder's runtime completely, so no file of the older version stays behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\..\dist\ExoConsult\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\ExoConsult"; Filename: "{app}\ExoConsult.exe"
Name: "{autodesktop}\ExoConsult"; Filename: "{app}\ExoConsult.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\ExoConsult.exe"; Description: "{cm:LaunchProgram,ExoConsult}"; Flags: nowait postinstall skipifsilent runasoriginaluser
