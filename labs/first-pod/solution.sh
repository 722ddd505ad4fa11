#!/usr/bin/env bash
# Solution for the `first-pod` lab. Runs in the simulator's shell and in bash with the real kubectl.

# Step 1: fill in the two gaps (the tier label and the port), keeping the starter's typo'd tag,
# and apply. This is the broken-on-purpose moment: the tag v1.0 doesn't exist.
cat > catalog-pod.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: catalog
  namespace: first-pod
  labels:
    app: catalog
    tier: backend
spec:
  containers:
    - name: catalog
      image: bookstore/catalog:v1.0
      ports:
        - containerPort: 8080
YAML
kubectl apply -f catalog-pod.yaml

# Step 2: diagnose. The container waits in ImagePullBackOff; describe shows the failed pull.
kubectl wait --for=jsonpath='{.status.containerStatuses[0].state.waiting.reason}'=ImagePullBackOff pod/catalog -n first-pod --timeout=120s
kubectl describe pod catalog -n first-pod

# Fix the tag (1.0) and apply again: a container's image may change on a live pod.
cat > catalog-pod.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: catalog
  namespace: first-pod
  labels:
    app: catalog
    tier: backend
spec:
  containers:
    - name: catalog
      image: bookstore/catalog:1.0
      ports:
        - containerPort: 8080
YAML
kubectl apply -f catalog-pod.yaml
kubectl wait --for=condition=Ready pod/catalog -n first-pod --timeout=120s

# Step 3: inspect from outside and inside.
kubectl get pod catalog -n first-pod -o wide --show-labels
kubectl logs catalog -n first-pod
kubectl exec catalog -n first-pod -- env
kubectl exec catalog -n first-pod -- wget -qO- localhost:8080/healthz

# Step 4: delete it (nothing brings it back), then recreate it from the file.
kubectl delete pod catalog -n first-pod
kubectl get pods -n first-pod
kubectl apply -f catalog-pod.yaml
kubectl wait --for=condition=Ready pod/catalog -n first-pod --timeout=120s
