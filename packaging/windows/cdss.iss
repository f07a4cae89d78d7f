; Inno Setup 6 script for CDSS Desk: installs the PyInstaller one-folder build (dist\cdss) for the current user.
;
; packaging/build.py --installer runs, after the PyInstaller build:
;   iscc /DAppVersion=0.1.0 /DSourceDir=<repo>\dist\cdss /DOutputDir=<repo>\dist\installer packaging\windows\cdss.iss
; The defaults below let `iscc packaging\windows\cdss.iss` work from a checkout after `make package`.
;
; Patient data is not in the install folder (it lives in %APPDATA%\cdss-desk), so uninstalling or upgrading never
; touches it. The installer is not code-signed: Windows SmartScreen warns on first run (see README "Install").

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\cdss"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist\installer"
#endif
#define AppName "CDSS Desk"
#define AppExe "cdss.exe"

[Setup]
; A fixed AppId makes a newer installer upgrade the installed copy instead of adding a second one.
AppId={{ADFB32C1-1F1F-488E-B015-C89DEE9EED46}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per-user install by default (no administrator rights needed); the wizard offers "all users" to administrators.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename=CDSS-Desk-{#AppVersion}-setup
SetupIconFile={#SourceDir}\_internal\resources\icons\app.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the bundled libraries whole, so files dropped by a newer build do not linger.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
