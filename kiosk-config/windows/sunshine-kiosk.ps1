# Opens the hall display or the operator console full screen in Edge or Chrome, offline, and keeps it open.
#   sunshine-kiosk.ps1 -Role display|console [-Url http://192.168.1.10:8080] [-Screen 1920,0] [-Print]
# -Screen moves the window to a screen's top-left corner (1920,0: the projector right of the laptop).
# -Print shows the browser command instead of running it.
param(
  [Parameter(Mandatory = $true)][ValidateSet('display', 'console')][string]$Role,
  [string]$Url = 'http://127.0.0.1:8080',
  [string]$Screen = '',
  [switch]$Print
)
$ErrorActionPreference = 'Stop'

$candidates = @(
  "$env:ProgramFiles(x86)\Microsoft\Edge\Application\msedge.exe",
  "$env:ProgramFiles\Microsoft\Edge\Application\msedge.exe",
  "$env:ProgramFiles\Google\Chrome\Application\chrome.exe",
  "$env:LOCALAPPDATA\Google\Chrome\Application\chrome.exe"
)
$browser = $candidates | Where-Object { Test-Path $_ } | Select-Object -First 1
if (-not $browser) {
  Write-Error '找不到 Edge 或 Chrome / Edge or Chrome not found'
  exit 3
}

# Each role keeps its own profile, so the console's saved passphrase never reaches a display machine.
$profileDir = Join-Path $env:LOCALAPPDATA "sunshine-kiosk\$Role"
$flags = Get-Content (Join-Path $PSScriptRoot '..\browser-flags.txt') -Encoding UTF8 |
  Where-Object { $_ -and -not $_.StartsWith('#') }
$arguments = @($flags) + @("--user-data-dir=$profileDir", "--app=$Url/$Role")
if ($Screen) { $arguments += "--window-position=$Screen" }

if ($Print) {
  Write-Output ("`"$browser`" " + ($arguments -join ' '))
  exit 0
}

New-Item -ItemType Directory -Force -Path $profileDir | Out-Null
# No sleep or screen-off on mains power while the ceremony runs.
powercfg /change monitor-timeout-ac 0
powercfg /change standby-timeout-ac 0
# The display comes back by itself if the browser is closed or crashes; the console is closed on purpose.
do {
  Start-Process -FilePath $browser -ArgumentList $arguments -Wait
  Start-Sleep -Seconds 2
} while ($Role -eq 'display')
