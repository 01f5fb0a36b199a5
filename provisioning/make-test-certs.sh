#!/usr/bin/env bash
# Makes a TEST certificate chain for X.509 DPS attestation with openssl: a root CA, an intermediate
# (the one uploaded to the DPS enrollment group and verified), and device certificates whose CN is
# the registration id. For tests and evaluation only: production CAs live in an HSM / Key Vault.
#   provisioning/make-test-certs.sh OUT_DIR REGISTRATION_ID [REGISTRATION_ID ...]
set -euo pipefail
out=${1:?usage: make-test-certs.sh OUT_DIR REGISTRATION_ID...}
shift
[ $# -ge 1 ] || { echo "give at least one registration id" >&2; exit 2; }
mkdir -p "$out"
cd "$out"
umask 077
days=30

if [ ! -f root.key.pem ]; then
  openssl req -x509 -newkey rsa:4096 -nodes -keyout root.key.pem -out root.cert.pem -days "$days" \
    -subj "/CN=OMDP Test Root CA" -addext "basicConstraints=critical,CA:true" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
  openssl req -newkey rsa:4096 -nodes -keyout intermediate.key.pem -out intermediate.csr.pem \
    -subj "/CN=OMDP Test Intermediate CA" 2>/dev/null
  printf 'basicConstraints=critical,CA:true,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\n' > ca.ext
  openssl x509 -req -in intermediate.csr.pem -CA root.cert.pem -CAkey root.key.pem -CAcreateserial \
    -out intermediate.cert.pem -days "$days" -extfile ca.ext 2>/dev/null
fi

printf 'basicConstraints=CA:false\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth\n' > device.ext
for id in "$@"; do
  [[ "$id" =~ ^[A-Za-z0-9._:-]{1,128}$ ]] || { echo "bad registration id: $id" >&2; exit 2; }
  openssl req -newkey rsa:2048 -nodes -keyout "$id.key.pem" -out "$id.csr.pem" -subj "/CN=$id" 2>/dev/null
  openssl x509 -req -in "$id.csr.pem" -CA intermediate.cert.pem -CAkey intermediate.key.pem -CAcreateserial \
    -out "$id.cert.pem" -days "$days" -extfile device.ext 2>/dev/null
  # Full chain (device + intermediate) as IoT Edge and the SDKs present it.
  cat "$id.cert.pem" intermediate.cert.pem > "$id.fullchain.pem"
  rm -f "$id.csr.pem"
done
rm -f intermediate.csr.pem ca.ext device.ext
echo "certificates in $out: root.cert.pem, intermediate.cert.pem, <id>.cert.pem, <id>.fullchain.pem, <id>.key.pem"
