@echo off
rem Double-click friendly: runs the PowerShell launcher without changing the machine's script policy.
rem   sunshine-kiosk.cmd display            sunshine-kiosk.cmd console -Url http://192.168.1.10:8080
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0sunshine-kiosk.ps1" -Role %*
