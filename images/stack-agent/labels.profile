# The labels of every profile image ({profile} and {version} are filled in by the builder).
io.handshakematrix.stack={profile}
io.handshakematrix.library=emulated (BouncyCastle TLS driven by the profile)
io.handshakematrix.version={version}
io.handshakematrix.roles=sender,receiver
io.handshakematrix.protocols=TLSv1,TLSv1.1,TLSv1.2
io.handshakematrix.shim=1
io.handshakematrix.shim-mode=agent
io.handshakematrix.profile={profile}
