#!/usr/bin/env bash
# Solution for the `self-healing` lab. Runs in the simulator's shell and in bash with the real
# kubectl against a kind cluster (there `sim` is not found, so the `docker` half of each `||` runs).

# Step 1: read desired and actual state.
kubectl get rs -n self-healing
kubectl get pods -n self-healing -o wide --show-labels

# Step 2: delete one pod, then all of them. The ReplicaSet controller replaces each one.
# Without --wait=false, delete returns once the pods are gone, so the status below is fresh.
kubectl delete pod "$(kubectl get pods -n self-healing -l app=catalog -o jsonpath='{.items[0].metadata.name}')" -n self-healing
kubectl wait --for=jsonpath='{.status.readyReplicas}'=3 rs/catalog -n self-healing --timeout=120s
kubectl delete pods -n self-healing -l app=catalog
kubectl wait --for=jsonpath='{.status.readyReplicas}'=3 rs/catalog -n self-healing --timeout=120s
kubectl describe rs catalog -n self-healing

# Step 3: stop a worker. After the node monitor grace period (50 s) the node turns NotReady and
# is tainted; 30 s later (the template's toleration) its pods are evicted, which marks them with
# the DisruptionTarget condition, and the ReplicaSet creates replacements on wheelhouse-worker.
# (If no catalog pod happened to run on wheelhouse-worker2, the second wait finds nothing and
# the script carries on: there was nothing to replace.)
sim node stop wheelhouse-worker2 || docker stop wheelhouse-worker2
kubectl wait --for=condition=Ready=Unknown node/wheelhouse-worker2 --timeout=180s
kubectl wait --for=condition=DisruptionTarget pods -l app=catalog --field-selector=spec.nodeName=wheelhouse-worker2 -n self-healing --timeout=180s
kubectl wait --for=jsonpath='{.status.readyReplicas}'=3 rs/catalog -n self-healing --timeout=180s
kubectl get pods -n self-healing -o wide

# Bring the node back; the Terminating pods are then cleaned up.
sim node start wheelhouse-worker2 || docker start wheelhouse-worker2
kubectl wait --for=condition=Ready node/wheelhouse-worker2 --timeout=180s

# Step 4: change the desired state in the file (replicas 3 -> 5) and apply it. No kubectl scale.
cat > catalog-rs.yaml <<'YAML'
# The catalog ReplicaSet, as the lab created it. Change the desired state here, then apply this file.
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: catalog
  namespace: self-healing
  labels:
    app: catalog
spec:
  replicas: 5
  selector:
    matchLabels:
      app: catalog
  template:
    metadata:
      labels:
        app: catalog
        tier: backend
    spec:
      # Leave a node that stops answering after 30 seconds instead of the default 300,
      # so the lab doesn't keep you waiting. Chapter 11 explains taints and tolerations.
      tolerations:
        - key: node.kubernetes.io/unreachable
          operator: Exists
          effect: NoExecute
          tolerationSeconds: 30
        - key: node.kubernetes.io/not-ready
          operator: Exists
          effect: NoExecute
          tolerationSeconds: 30
      containers:
        - name: catalog
          image: bookstore/catalog:1.0
          ports:
            - containerPort: 8080
YAML
kubectl apply -f catalog-rs.yaml
kubectl wait --for=jsonpath='{.status.readyReplicas}'=5 rs/catalog -n self-healing --timeout=120s
kubectl apply view-last-applied rs/catalog -n self-healing
