@echo off
rem Builds the Windows application on a Windows 10/11 (x64) machine, in one command:
rem     packaging\windows\build.cmd
rem Needs Python 3.11+ from python.org (the "py" launcher) and network access to PyPI for the first run.
rem Makes dist\ExoConsult\ (ExoConsult.exe: the window; exoconsult-cli.exe: doctor, verify, backup, ...)
rem and, when Inno Setup 6 is installed, the installer dist\ExoConsult-Setup-<version>.exe.
setlocal
cd /d "%~dp0\..\.."
if not exist .venv-bundle\Scripts\python.exe (
    py -3.11 -m venv .venv-bundle || goto :error
)
.venv-bundle\Scripts\python -m pip install --upgrade pip || goto :error
.venv-bundle\Scripts\python -m pip install ".[bundle,postgres]" || goto :error
.venv-bundle\Scripts\pyinstaller --noconfirm --clean packaging\exoconsult.spec || goto :error
rem A bundle that cannot answer these is not shipped.
dist\ExoConsult\exoconsult-cli.exe --version || goto :error
dist\ExoConsult\exoconsult-cli.exe assess packaging\windows\smoke-case.json || goto :error
for /f %%v in ('.venv-bundle\Scripts\python -c "import exoconsult; print(exoconsult.__version__)"') do set VERSION=%%v
set ISCC=%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe
if exist "%ISCC%" (
    "%ISCC%" /DAppVersion=%VERSION% packaging\windows\exoconsult.iss || goto :error
) else (
    echo Inno Setup 6 is not installed: only dist\ExoConsult\ was built ^(https://jrsoftware.org/isdl.php^).
)
echo Done.
exit /b 0
:error
echo The build failed; see the messages above.
exit /b 1
